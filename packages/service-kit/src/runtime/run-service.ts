import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { inboxQueueName, messagesProducedBy, catalogue, type ServiceName } from '@konsey/contracts';
import { Queue, type Worker } from 'bullmq';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { createJwksTokenVerifier } from '../auth/token-verifier.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { baseConfigSchema, type BaseConfig } from '../config/base-config.js';
import { loadConfig, type Env } from '../config/load-config.js';
import { ConfigError } from '../config/config-error.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres.js';
import { applyMigrations } from '../database/apply-migrations.js';
import { createDatabasePool, createPrismaAdapter } from '../database/create-prisma-adapter.js';
import { ensureDatabase } from '../database/ensure-database.js';
import type { SqlClient, TransactionRunner } from '../database/sql-client.js';
import { startInboxWorker } from '../events/inbox-worker.js';
import { assertHandlersMatchRouting, type MessageHandlers } from '../events/message-handlers.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { schedulePruning } from '../events/prune-bus-tables.js';
import { createRedisConnection } from '../events/redis-connection.js';
import { createHttpApp } from '../http/create-http-app.js';
import type { AnyRoute } from '../http/define-route.js';
import { createLogger } from '../logging/create-logger.js';
import { createMetricsRegistry } from '../telemetry/create-metrics-registry.js';
import { registerBusMetrics } from '../telemetry/queue-metrics.js';
import { closeInOrder } from './close-in-order.js';

/** The Prisma client surface the runtime needs; each service passes its own generated client. */
export interface ServicePrisma<Tx extends SqlClient> extends SqlClient {
  $disconnect(): Promise<void>;
  $transaction<R>(work: (tx: Tx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
}

export interface ServiceDependencies<Prisma, Config> {
  config: Config;
  logger: Logger;
  prisma: Prisma;
  /** The pg pool Prisma runs on: for the rare hot path where Prisma's query path costs too much. */
  pool: Pool;
  redis: Redis;
}

export interface RunServiceOptions<
  Tx extends SqlClient,
  Prisma extends ServicePrisma<Tx>,
  Extra extends z.ZodRawShape,
> {
  service: ServiceName;
  version: string;
  /** Folder of the service's migrations (Prisma's layout). */
  migrationsDir: string;
  createPrisma: (adapter: ReturnType<typeof createPrismaAdapter>) => Prisma;
  /** Variables this service reads beyond the base ones. */
  config?: Extra;
  env?: Env;
  routes?: (deps: ServiceDependencies<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>) => AnyRoute[];
  routers?: (
    deps: ServiceDependencies<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>,
  ) => Promise<Router[]> | Router[];
  handlers?: (
    deps: ServiceDependencies<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>,
  ) => MessageHandlers<Tx>;
  /** Override the JWKS verifier (membership verifies with its own keys). */
  verifier?: (
    deps: ServiceDependencies<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>,
  ) => Promise<TokenVerifier>;
  /** Port when PORT is not set. */
  defaultPort: number;
  /**
   * Background work of the service's own (delivery queues, reconcilers, periodic checks), started in
   * worker processes after the relay and stopped before the queues close.
   */
  workers?: (
    deps: ServiceDependencies<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>,
  ) => Promise<BackgroundWork> | BackgroundWork;
  /** Use this logger instead of creating one (tests capture what a service logs). */
  logger?: Logger;
}

/** Something a worker process runs until the service stops. */
export interface BackgroundWork {
  stop(): Promise<void>;
}

export interface RunningService<Prisma, Config = BaseConfig> {
  url: string | undefined;
  prisma: Prisma;
  /** The configuration the service parsed at start-up. */
  config: Config;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Start a Konsey service process: configuration, logs, migrations, database, Redis, then the HTTP API
 * and/or the inbox worker and outbox relay (KONSEY_PROCESS), and a graceful stop in a fixed order.
 */
export async function runService<
  Tx extends SqlClient,
  Prisma extends ServicePrisma<Tx>,
  Extra extends z.ZodRawShape = Record<never, never>,
>(
  options: RunServiceOptions<Tx, Prisma, Extra>,
): Promise<RunningService<Prisma, BaseConfig & z.infer<z.ZodObject<Extra>>>> {
  const schema = baseConfigSchema.extend(options.config ?? ({} as Extra));
  const config = loadConfig(options.service, schema, options.env, {
    PORT: String(options.defaultPort),
  }) as BaseConfig & z.infer<z.ZodObject<Extra>>;
  const logger = options.logger ?? createLogger({ service: options.service, level: config.LOG_LEVEL });

  const embedded = config.DATABASE_URL ? undefined : await startEmbedded(options.service, config);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  if (!embedded) await ensureDatabase(databaseUrl);
  const applied = await applyMigrations({ databaseUrl, directory: options.migrationsDir });
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

  // The embedded PostgreSQL (PGlite) is one session behind its socket: concurrent connections interleave
  // their statements ("unnamed prepared statement does not exist"), so it gets one connection.
  const pool = createDatabasePool({ databaseUrl, poolMax: embedded ? 1 : config.DATABASE_POOL_MAX });
  pool.on('error', (error) => logger.debug({ err: error }, 'idle database connection error'));
  const prisma = options.createPrisma(createPrismaAdapter({ pool }));
  const transaction: TransactionRunner<Tx> = (work) => prisma.$transaction(work, { timeout: 30_000 });
  const redis = createRedisConnection(config.REDIS_URL, 'producer');
  const workerRedis = createRedisConnection(config.REDIS_URL, 'worker');
  redis.on('error', (error) => logger.debug({ err: error }, 'redis connection error'));
  workerRedis.on('error', (error) => logger.debug({ err: error }, 'redis worker connection error'));
  await waitForRedis(redis, logger);
  const deps = { config, logger, prisma, pool, redis };

  const consumers = new Set<ServiceName>(
    messagesProducedBy(options.service).flatMap((type) => [...catalogue[type].consumers]),
  );
  const queues = new Map<ServiceName, Queue>(
    [...consumers].map((consumer) => [
      consumer,
      new Queue(inboxQueueName(consumer), { connection: redis, prefix: config.REDIS_PREFIX }),
    ]),
  );
  for (const queue of queues.values())
    queue.on('error', (error) => logger.debug({ err: error }, 'queue error'));

  const metrics = createMetricsRegistry(options.service);
  registerBusMetrics(metrics, { queues: [...queues.values()], db: prisma });

  const runsWorker = config.KONSEY_PROCESS !== 'api';
  const runsApi = config.KONSEY_PROCESS !== 'worker';

  let relay: OutboxRelay | undefined;
  let pruning: { stop(): void } | undefined;
  let background: BackgroundWork | undefined;
  let worker: Worker | undefined;
  if (runsWorker) {
    relay = new OutboxRelay({
      service: options.service,
      transaction: transaction as TransactionRunner,
      db: prisma,
      queues,
      redis,
      redisPrefix: config.REDIS_PREFIX,
      logger,
      policy: { attempts: config.EVENT_ATTEMPTS, backoffMs: config.EVENT_BACKOFF_MS },
      pollMs: config.OUTBOX_POLL_MS,
    });
    relay.start();
    pruning = schedulePruning(prisma, logger);
    const handlers = options.handlers?.(deps) ?? {};
    assertHandlersMatchRouting(options.service, handlers as MessageHandlers<SqlClient>);
    if (consumesMessages(options.service)) {
      worker = startInboxWorker({
        service: options.service,
        connection: workerRedis,
        prefix: config.REDIS_PREFIX,
        transaction,
        handlers,
        logger,
      });
    }
    background = await options.workers?.(deps);
  }

  // A worker-only process still serves /healthz, /readyz and /metrics, for orchestrators and Prometheus.
  let server: Server | undefined;
  let url: string | undefined;
  {
    const app = createHttpApp({
      service: options.service,
      version: options.version,
      logger,
      routes: runsApi ? (options.routes?.(deps) ?? []) : [],
      verifier: options.verifier ? await options.verifier(deps) : createJwksTokenVerifier(config.JWKS_URL),
      readiness: [
        { name: 'postgresql', check: async () => void (await prisma.$queryRawUnsafe('SELECT 1')) },
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
      metrics,
      bodyLimit: config.HTTP_BODY_LIMIT,
      extraRouters: runsApi ? ((await options.routers?.(deps)) ?? []) : [],
    });
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(config.PORT, config.HOST, (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
    server.keepAliveTimeout = 5_000;
    const { port } = server.address() as AddressInfo;
    url = `http://${config.HOST}:${port}`;
  }
  logger.info(
    { url, process: config.KONSEY_PROCESS, dataDir: join(config.DATA_DIR) },
    `${options.service} started`,
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= closeInOrder(logger, config.SHUTDOWN_TIMEOUT_MS, [
      ['http server', () => closeServer(server)],
      ['inbox worker', () => worker?.close()],
      ['background work', () => background?.stop()],
      ['outbox relay', () => relay?.stop()],
      ['pruning', async () => pruning?.stop()],
      ['queues', () => Promise.all([...queues.values()].map((queue) => queue.close()))],
      ['redis', () => Promise.all([redis.quit(), workerRedis.quit()]).catch(() => undefined)],
      [
        'database',
        async () => {
          await prisma.$disconnect();
          // Prisma ends the pool only if it ever connected.
          if (!pool.ended) await pool.end();
        },
      ],
      ['embedded postgresql', () => embedded?.stop()],
    ]));
  return { url, prisma, config, logger, stop };
}

/** Start-up waits for Redis rather than failing, so the suite can start in any order. */
async function waitForRedis(redis: Redis, logger: Logger): Promise<void> {
  if (redis.status === 'ready') return;
  const reminder = setInterval(() => logger.warn('waiting for Redis (REDIS_URL) to answer'), 5_000);
  try {
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  } finally {
    clearInterval(reminder);
  }
}

async function startEmbedded(service: string, config: BaseConfig): Promise<EmbeddedPostgres> {
  if (config.KONSEY_PROCESS !== 'all') {
    throw new ConfigError(service, [
      `KONSEY_PROCESS: the embedded PostgreSQL belongs to one process; use KONSEY_PROCESS=all or set DATABASE_URL (got "${config.KONSEY_PROCESS}")`,
    ]);
  }
  return startEmbeddedPostgres({ dataDir: resolve(config.DATA_DIR, service, 'postgres') });
}

function consumesMessages(service: ServiceName): boolean {
  return Object.values(catalogue).some((definition) =>
    (definition.consumers as readonly string[]).includes(service),
  );
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
