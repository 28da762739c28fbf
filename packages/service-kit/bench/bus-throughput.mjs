#!/usr/bin/env node
// Bus throughput on this machine's PostgreSQL and Redis: how fast committed events go through the
// outbox, the relay and the consumer's inbox. Prints figures and ratios; asserts nothing.
// Run: npm run bench -w @konsey/service-kit   (after a build)
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inboxQueueName, messagesConsumedBy, ServiceName } from '@konsey/contracts';
import { Queue } from 'bullmq';
import pg from 'pg';
import { pino } from 'pino';
import { applyMigrations, createRedisConnection, OutboxRelay, publishEvent, startInboxWorker } from '../dist/index.js';
import { createTestDatabase, pgSqlClient, pgTransactionRunner, testRedisPrefix, TEST_REDIS_URL } from '../dist/testing/index.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const logger = pino({ level: 'silent' });

const database = await createTestDatabase('bench_bus');
const migrations = await mkdtemp(join(tmpdir(), 'konsey-bench-'));
await mkdir(join(migrations, '00000000000000_konsey_bus'));
await copyFile(fileURLToPath(new URL('../prisma/bus-migration/migration.sql', import.meta.url)), join(migrations, '00000000000000_konsey_bus', 'migration.sql'));
await applyMigrations({ databaseUrl: database.url, directory: migrations });
const pool = new pg.Pool({ connectionString: database.url, max: 10 });
await pool.query('CREATE TABLE effects (message_id uuid PRIMARY KEY)');
const transaction = pgTransactionRunner(pool);
const prefix = testRedisPrefix('bench_bus');
const producer = createRedisConnection(TEST_REDIS_URL, 'producer');
const queues = new Map(ServiceName.options.map((service) => [service, new Queue(inboxQueueName(service), { connection: producer, prefix })]));
await new Promise((resolve) => producer.once('ready', resolve));

const admitted = (i) => ({
  type: 'membership.member.admitted',
  data: { memberId: randomUUID(), kind: 'individual', displayName: `Üye ${i}`, gender: i % 2 ? 'female' : 'male', bodies: [], admittedAt: new Date().toISOString() },
});

// 1. Producers: one transaction per event, 8 at a time (as concurrent HTTP requests would).
let started = performance.now();
for (let i = 0; i < EVENTS; i += 8) {
  await Promise.all(Array.from({ length: Math.min(8, EVENTS - i) }, (_, j) => transaction((tx) => publishEvent(tx, admitted(i + j)))));
}
const publishSeconds = (performance.now() - started) / 1000;

// 2. Relay alone: drain the outbox into Redis.
const relay = new OutboxRelay({
  service: 'membership', transaction, db: pgSqlClient(pool), queues, redis: producer,
  redisPrefix: prefix, logger, policy: { attempts: 3, backoffMs: 100 }, pollMs: 50, batchSize: 200,
});
await producer.set(`${prefix}:bus:relay-epoch:membership`, 'bench');
started = performance.now();
while ((await relay.publishBatch()) > 0);
const relaySeconds = (performance.now() - started) / 1000;

// 3. Consumer alone: handle every job exactly once (inbox + effect in one transaction).
const handlers = Object.fromEntries(messagesConsumedBy('elections').map((type) => [type, async () => undefined]));
handlers['membership.member.admitted'] = async (tx, message) => {
  await tx.$executeRawUnsafe('INSERT INTO effects (message_id) VALUES ($1)', message.envelope.id);
};
started = performance.now();
const worker = startInboxWorker({ service: 'elections', connection: createRedisConnection(TEST_REDIS_URL, 'worker'), prefix, transaction, handlers, logger, concurrency: 16 });
for (;;) {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM effects');
  if (rows[0].n >= EVENTS) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const consumeSeconds = (performance.now() - started) / 1000;

await worker.close();
for (const each of queues.values()) {
  await each.obliterate({ force: true });
  await each.close();
}
producer.disconnect();
await pool.end();
await database.drop();

const rate = (seconds) => Math.round(EVENTS / seconds);
console.log(`Konsey bus throughput — ${EVENTS} events, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
console.table([
  { stage: 'publish (tx + outbox row, 8 concurrent)', seconds: publishSeconds.toFixed(2), 'events/s': rate(publishSeconds) },
  { stage: 'relay (outbox → BullMQ, batches of 200)', seconds: relaySeconds.toFixed(2), 'events/s': rate(relaySeconds) },
  { stage: 'consume (inbox + effect, concurrency 16)', seconds: consumeSeconds.toFixed(2), 'events/s': rate(consumeSeconds) },
]);
console.log(`consume / publish ratio: ${(publishSeconds / consumeSeconds).toFixed(2)} (above 1: the consumer keeps up with the producers)`);
