import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .url({ message: `must be a URL (${protocols.join(', ')})` })
    .refine((value) => protocols.some((protocol) => value.startsWith(`${protocol}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** Which loops this process runs: the HTTP API, the queue workers and outbox relay, or both. */
export const ProcessRole = z.enum(['api', 'worker', 'all']);
export type ProcessRole = z.infer<typeof ProcessRole>;

/** Variables every Konsey service reads. A service extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  KONSEY_PROCESS: ProcessRole.default('all'),
  /** When unset, the service keeps its data in an embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  /** Connections per process; the embedded PostgreSQL serves one at a time. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key of the suite, so that test runs and suites cannot disturb each other. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w-]+$/, 'letters, digits, _ and - only')
    .default('konsey'),
  /** Membership's published keys; the default is membership on this machine. */
  JWKS_URL: url(['http', 'https']).default('http://127.0.0.1:4001/.well-known/jwks.json'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http', 'https']).optional(),
  DATA_DIR: z.string().default('.konsey/data'),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
    .default('256kb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(200),
  EVENT_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  EVENT_BACKOFF_MS: z.coerce.number().int().positive().default(1_000),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;
