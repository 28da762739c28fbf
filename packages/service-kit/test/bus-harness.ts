import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inboxQueueName, messagesConsumedBy, ServiceName } from '@konsey/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { applyMigrations } from '../src/database/apply-migrations.js';
import type { SqlClient } from '../src/database/sql-client.js';
import type { MessageHandlers } from '../src/events/message-handlers.js';
import { OutboxRelay } from '../src/events/outbox-relay.js';
import { publishEvent } from '../src/events/publish-event.js';
import { createRedisConnection } from '../src/events/redis-connection.js';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '../src/testing/test-database.js';
import { pgSqlClient, pgTransactionRunner } from '../src/testing/pg-sql-client.js';

export const silentLogger = pino({ level: 'silent' });

/**
 * A producer (membership's outbox and relay) and a consumer (elections' inbox) on one real test
 * database and a real Redis with a prefix of its own. The consumer's effect is a row in `effects`
 * without a unique constraint, so a message applied twice shows as two rows.
 */
export async function createBusHarness(label: string, redisUrl = TEST_REDIS_URL) {
  const database = await createTestDatabase(label);
  const migrations = await mkdtemp(join(tmpdir(), 'konsey-bus-'));
  const kitPrisma = fileURLToPath(new URL('../prisma/', import.meta.url));
  await mkdir(join(migrations, '00000000000000_konsey_bus'));
  await copyFile(
    join(kitPrisma, 'bus-migration', 'migration.sql'),
    join(migrations, '00000000000000_konsey_bus', 'migration.sql'),
  );
  await applyMigrations({ databaseUrl: database.url, directory: migrations });
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  // Teardown drops the database WITH (FORCE): a connection the pool is still closing then gets a FATAL
  // "terminating connection", which is the end of the test, not a failure in it.
  pool.on('error', () => undefined);
  await pool.query(
    'CREATE TABLE effects (message_id uuid NOT NULL, member_id uuid NOT NULL, at timestamptz DEFAULT now())',
  );
  const prefix = testRedisPrefix(label);
  const connections: Redis[] = [];
  const redis = (purpose: 'worker' | 'producer') => {
    const connection = createRedisConnection(redisUrl, purpose);
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  };
  const producerRedis = redis('producer');
  const consumer: ServiceName = 'elections';
  // The relay delivers to every consumer of membership's events; the test watches elections' inbox.
  const queues = new Map(
    ServiceName.options.map((service) => [service, new Queue(inboxQueueName(service), { connection: producerRedis, prefix })]),
  );
  for (const each of queues.values()) each.on('error', () => undefined);
  const queue = queues.get(consumer)!;
  const db = pgSqlClient(pool);
  const transaction = pgTransactionRunner(pool);

  // The consumer must handle everything routed to it; only admissions have an effect here.
  const ignore = async () => undefined;
  const handlers: MessageHandlers<SqlClient> = {
    ...Object.fromEntries(messagesConsumedBy(consumer).map((type) => [type, ignore])),
    'membership.member.admitted': async (tx, message) => {
      await tx.$executeRawUnsafe(
        'INSERT INTO effects (message_id, member_id) VALUES ($1, $2)',
        message.envelope.id,
        message.data.memberId,
      );
    },
  };

  const relay = (overrides: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) =>
    new OutboxRelay({
      service: 'membership',
      transaction,
      db,
      queues,
      redis: producerRedis,
      redisPrefix: prefix,
      logger: silentLogger,
      policy: { attempts: 5, backoffMs: 50 },
      pollMs: 50,
      ...overrides,
    });

  /** Commit `count` admissions through the outbox, as membership's use case does. */
  const admit = async (count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const envelope = await transaction((tx) =>
        publishEvent(tx, {
          type: 'membership.member.admitted',
          data: {
            memberId: randomUUID(),
            kind: 'individual',
            displayName: `Üye ${i}`,
            gender: i % 2 ? 'female' : 'male',
            bodies: [],
            admittedAt: new Date().toISOString(),
          },
        }),
      );
      ids.push(envelope.id);
    }
    return ids;
  };

  const effects = async () =>
    (
      await pool.query<{ message_id: string; n: string }>(
        'SELECT message_id, count(*) AS n FROM effects GROUP BY message_id',
      )
    ).rows.map((row) => ({ messageId: row.message_id, count: Number(row.n) }));

  const unpublished = async () =>
    Number(
      (await pool.query('SELECT count(*) AS n FROM konsey_outbox WHERE published_at IS NULL')).rows[0].n,
    );

  const close = async () => {
    for (const each of queues.values()) await each.close().catch(() => undefined);
    for (const connection of connections) connection.disconnect();
    await pool.end();
    await database.drop();
  };

  return {
    database,
    pool,
    prefix,
    queue,
    db,
    transaction,
    handlers,
    relay,
    admit,
    effects,
    unpublished,
    redis,
    close,
  };
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
