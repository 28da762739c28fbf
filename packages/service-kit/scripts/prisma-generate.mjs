#!/usr/bin/env node
// `prisma generate` for the service in the current folder, offline: first the bus schema is synced
// from service-kit, then Prisma generates the client. Prisma's CLI only checks that its native schema
// engine exists before `generate` (which never runs it), and that engine cannot be downloaded here,
// so any existing file will do (see docs/architecture.md, "Prisma offline").
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sync = spawnSync(process.execPath, [join(here, 'prisma-sync.mjs')], { stdio: 'inherit' });
if (sync.status !== 0) process.exit(sync.status ?? 1);

const prismaCli = createRequire(join(process.cwd(), 'package.json')).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
