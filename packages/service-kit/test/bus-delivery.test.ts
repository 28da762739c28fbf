import { randomUUID } from 'node:crypto';
import { createEnvelope } from '@konsey/contracts';
import type { Worker } from 'bullmq';
import { listFailedMessages, replayFailedMessages } from '../src/events/failed-messages.js';
import { startInboxWorker } from '../src/events/inbox-worker.js';
import { createBusHarness, silentLogger, waitFor } from './bus-harness.js';

describe('event bus: outbox → relay → inbox', () => {
  let bus: Awaited<ReturnType<typeof createBusHarness>>;
  let worker: Worker | undefined;

  beforeEach(async () => {
    bus = await createBusHarness('bus_delivery');
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await bus.close();
  });

  const startWorker = (handlers = bus.handlers) =>
    (worker = startInboxWorker({
      service: 'elections',
      connection: bus.redis('worker'),
      prefix: bus.prefix,
      transaction: bus.transaction,
      handlers,
      logger: silentLogger,
    }));

  it('when events are committed, then each is handled exactly once and the outbox is drained', async () => {
    const ids = await bus.admit(20);
    startWorker();
    const relay = bus.relay();
    relay.start();
    const effects = await waitFor(bus.effects, (rows) => rows.length === 20);
    await relay.stop();
    expect(effects.map((row) => row.count)).toEqual(Array(20).fill(1));
    expect(new Set(effects.map((row) => row.messageId))).toEqual(new Set(ids));
    expect(await bus.unpublished()).toBe(0);
  });

  it('when the same message is delivered twice, then its effect is applied once', async () => {
    const [id] = await bus.admit(1);
    startWorker();
    const relay = bus.relay();
    await relay.publishBatch();
    await waitFor(bus.effects, (rows) => rows.length === 1);
    const { rows } = await bus.pool.query('SELECT envelope FROM konsey_outbox WHERE id = $1', [id]);
    // A second job with another id but the same message, as a replay or a manual re-send would make.
    await bus.queue.add('membership.member.admitted', rows[0].envelope, { jobId: `again-${id}` });
    await waitFor(
      async () => (await bus.queue.getJobState(`again-${id}`)) as string,
      (state) => state === 'completed',
    );
    expect(await bus.effects()).toEqual([{ messageId: id, count: 1 }]);
  });

  it('when the relay dies after publishing but before marking the rows, then the republish changes nothing', async () => {
    const ids = await bus.admit(5);
    startWorker();
    let killed = false;
    const dyingDb = {
      ...bus.db,
      $executeRawUnsafe: bus.db.$executeRawUnsafe,
      $queryRawUnsafe: bus.db.$queryRawUnsafe,
    };
    // The relay's transaction: the jobs reach Redis, then the process "dies" before the UPDATE commits.
    const dyingRelay = bus.relay({
      transaction: (work) =>
        bus.transaction(async (tx) =>
          work({
            $queryRawUnsafe: tx.$queryRawUnsafe,
            $executeRawUnsafe: async (query: string, ...values: unknown[]) => {
              if (query.startsWith('UPDATE "konsey_outbox"') && !killed) {
                killed = true;
                throw new Error('relay killed between publish and mark');
              }
              return tx.$executeRawUnsafe(query, ...values);
            },
          }),
        ),
      db: dyingDb,
    });
    await expect(dyingRelay.publishBatch()).rejects.toThrow('relay killed');
    expect(await bus.unpublished()).toBe(5);
    await waitFor(bus.effects, (rows) => rows.length === 5);
    // The completed jobs are gone (as after removeOnComplete), so only the inbox can stop a second effect.
    await bus.queue.clean(0, 1000, 'completed');
    const restarted = bus.relay();
    expect(await restarted.publishBatch()).toBe(5);
    await waitFor(
      async () => bus.queue.getCompletedCount(),
      (count) => count === 5,
    );
    expect(await bus.unpublished()).toBe(0);
    const effects = await bus.effects();
    expect(effects).toHaveLength(5);
    expect(effects.every((row) => row.count === 1)).toBe(true);
    expect(new Set(effects.map((row) => row.messageId))).toEqual(new Set(ids));
  });

  it('when a handler fails, then the message is retried with backoff and applied once it succeeds', async () => {
    let calls = 0;
    startWorker({
      ...bus.handlers,
      'membership.member.admitted': async (tx, message) => {
        calls += 1;
        if (calls < 3) throw new Error('database hiccup');
        await bus.handlers['membership.member.admitted']!(tx, message);
      },
    });
    const [id] = await bus.admit(1);
    await bus.relay().publishBatch();
    await waitFor(bus.effects, (rows) => rows.length === 1);
    const job = await bus.queue.getJob(id!);
    expect(job?.attemptsMade).toBe(3);
    expect(await bus.effects()).toEqual([{ messageId: id, count: 1 }]);
  });

  it('when a message has a version this consumer does not know, then it is parked in the failed set, not dropped, and can be replayed', async () => {
    startWorker();
    const envelope = {
      ...createEnvelope({
        type: 'membership.member.admitted',
        data: {
          memberId: randomUUID(),
          kind: 'individual',
          displayName: 'Ali',
          gender: 'male',
          bodies: [],
          admittedAt: new Date().toISOString(),
        },
      }),
      version: 99,
    };
    await bus.queue.add(envelope.type, envelope, { jobId: envelope.id, attempts: 5, removeOnFail: false });
    const failed = await waitFor(
      () => listFailedMessages(bus.queue),
      (jobs) => jobs.length === 1,
    );
    expect(failed[0]).toMatchObject({ jobId: envelope.id, parked: true, attemptsMade: 1 });
    expect(failed[0]!.failedReason).toContain('unknown-version');
    expect(await bus.effects()).toEqual([]);
    expect(await replayFailedMessages(bus.queue, [envelope.id])).toBe(1);
    await waitFor(
      () => listFailedMessages(bus.queue),
      (jobs) => jobs.length === 1 && jobs[0]!.attemptsMade >= 1,
    );
    expect(await bus.effects()).toEqual([]);
  });

  it('when handlers do not match the routing table, then the worker refuses to start', () => {
    expect(() =>
      startInboxWorker({
        service: 'elections',
        connection: bus.redis('worker'),
        prefix: bus.prefix,
        transaction: bus.transaction,
        handlers: { ...bus.handlers, 'membership.member.status-changed': undefined },
        logger: silentLogger,
      }),
    ).toThrow(/missing: membership.member.status-changed/);
  });
});
