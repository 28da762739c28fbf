#!/usr/bin/env node
// Development tool: print an access token signed with membership's key from the data folder, so the
// API can be tried before sign-in exists. Usage: mint-token --sub staff-1 --roles staff[,operator] [--ttl 3600]
import { fileURLToPath } from 'node:url';
import { Role } from '@konsey/contracts';
import { loadOrCreateSigningKey, signToken } from '@konsey/service-kit';
import { z } from 'zod';
import { signingKeyPath } from '../membership-service.js';

const Args = z.object({
  sub: z.string().min(1),
  roles: z.string().transform((value) => value.split(',')).pipe(z.array(Role).min(1)),
  ttl: z.coerce.number().int().positive().max(86_400).default(3_600),
});

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i]!.replace(/^--/, '')] = argv[i + 1] ?? '';
  return args;
}

const parsed = Args.safeParse(parseArgs(process.argv.slice(2)));
if (!parsed.success) {
  process.stderr.write(
    `kullanım / usage: npm run token -w @konsey/membership -- --sub <id> --roles <${Role.options.join('|')}>[,...] [--ttl seconds]\n` +
      parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}\n`).join(''),
  );
  process.exit(2);
}
// The same default as `npm start`: the repository's .konsey/data.
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('../../../../.konsey/data', import.meta.url));
const key = await loadOrCreateSigningKey(signingKeyPath({ DATA_DIR: dataDir }));
process.stdout.write(`${await signToken(key, { sub: parsed.data.sub, roles: parsed.data.roles, ttlSeconds: parsed.data.ttl })}\n`);
