#!/usr/bin/env node
// Bootstrap: create the very first operator account (roles staff and operator). It does nothing once any
// operator exists, so it is safe to run again. The password is read from stdin, never from arguments or
// the environment (which end up in shell history and process listings):
//
//   printf '%s\n' "$PASSWORD" | node dist/auth/cli/create-operator.js --email ops@example.org --name "Ayşe Yılmaz" [--language en]
//
// With DATABASE_URL it uses that database; without it, the embedded PostgreSQL under DATA_DIR (stop the
// membership service first: the embedded database serves one process). Migrations are applied first.
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { Language } from '@konsey/contracts';
import {
  applyMigrations,
  createPrismaAdapter,
  ensureDatabase,
  loadConfig,
  startEmbeddedPostgres,
} from '@konsey/service-kit';
import { z } from 'zod';
import { PrismaClient } from '../../generated/prisma/client.js';
import { authConfig } from '../auth-config.js';
import { bootstrapOperator } from '../app/bootstrap-operator.js';
import { NewPassword } from '../domain/password-policy.js';

const Args = z.object({
  email: z.email(),
  name: z.string().trim().min(2).max(200),
  language: Language.default('tr'),
});
const Env = z.object({
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.konsey/data'),
  AUTH_SCRYPT_LOG_N: authConfig.AUTH_SCRYPT_LOG_N,
});

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i]!.replace(/^--/, '')] = argv[i + 1] ?? '';
  return args;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = Args.safeParse(parseArgs(process.argv.slice(2)));
if (!args.success) {
  fail(
    'kullanım / usage: printf "%s\\n" "$PASSWORD" | create-operator --email <e-mail> --name <name> [--language tr|en]\n' +
      args.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n'),
  );
}
const env = loadConfig('membership', Env, process.env);
const password = (await text(process.stdin)).replace(/\r?\n$/, '');
const checked = NewPassword.safeParse(password);
if (!checked.success)
  fail(`parola / password (stdin): ${checked.error.issues.map((issue) => issue.message).join('; ')}`);

const embedded = env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: resolve(env.DATA_DIR, 'membership', 'postgres') });
const databaseUrl = env.DATABASE_URL ?? embedded!.url;
let prisma: PrismaClient | undefined;
try {
  if (!embedded) await ensureDatabase(databaseUrl);
  await applyMigrations({
    databaseUrl,
    directory: fileURLToPath(new URL('../../../prisma/migrations', import.meta.url)),
  });
  prisma = new PrismaClient({ adapter: createPrismaAdapter({ databaseUrl, poolMax: 2 }) });
  const outcome = await bootstrapOperator({
    prisma,
    config: env,
    email: args.data.email,
    displayName: args.data.name,
    password,
    language: args.data.language,
  });
  if (outcome.created) {
    process.stdout.write(`operatör hesabı oluşturuldu / operator account created: ${outcome.accountId}\n`);
  } else {
    process.stderr.write(
      outcome.reason === 'operator-exists'
        ? 'bir operatör zaten var; hiçbir şey değişmedi / an operator already exists; nothing changed\n'
        : 'bu e-postayla bir hesap zaten var / an account with this e-mail already exists\n',
    );
    process.exitCode = 1;
  }
} finally {
  await prisma?.$disconnect();
  await embedded?.stop();
}
