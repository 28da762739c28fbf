#!/usr/bin/env node
// Copies the event-bus schema and its migration from service-kit into the service in the current
// folder, so that Prisma (generate, and migrate deploy where its engine exists) sees one complete
// schema. The copies are build outputs (git-ignored); the source of truth is service-kit/prisma.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const kit = join(dirname(fileURLToPath(import.meta.url)), '..', 'prisma');
const service = process.cwd();
mkdirSync(join(service, 'prisma', 'schema'), { recursive: true });
copyFileSync(join(kit, 'bus.prisma'), join(service, 'prisma', 'schema', 'bus.prisma'));
const migration = join(service, 'prisma', 'migrations', '00000000000000_konsey_bus');
mkdirSync(migration, { recursive: true });
copyFileSync(join(kit, 'bus-migration', 'migration.sql'), join(migration, 'migration.sql'));
