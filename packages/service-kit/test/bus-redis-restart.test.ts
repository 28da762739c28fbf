import type { Worker } from 'bullmq';
import { startInboxWorker } from '../src/events/inbox-worker.js';
import { createBusHarness, silentLogger, waitFor } from './bus-harness.js';
import { startRedisServer } from './redis-server-process.js';

describe('event bus when Redis is killed and restarted without persistence', () => {
  it('when Redis loses every queued job, then the relay republishes what it retained and each event is handled exactly once', async () => {
    const redisServer = await startRedisServer();
    const bus = await createBusHarness('bus_redis_restart', redisServer.url);
    let worker: Worker | undefined;
    try {
      // Published to Redis, not yet handled: the consumer is down.
      const before = await bus.admit(30);
      const relay = bus.relay();
      relay.start();
      await waitFor(bus.unpublished, (count) => count === 0);
      expect(await bus.queue.getWaitingCount()).toBe(30);

      await redisServer.kill();
      // Committed while Redis is down: the outbox keeps them.
      const during = await bus.admit(10);
      await redisServer.start();
      const after = await bus.admit(10);

      worker = startInboxWorker({
        service: 'elections',
        connection: bus.redis('worker'),
        prefix: bus.prefix,
        transaction: bus.transaction,
        handlers: bus.handlers,
        logger: silentLogger,
      });
      const effects = await waitFor(bus.effects, (rows) => rows.length === 50, 30_000);
      await relay.stop();
      expect(effects.every((row) => row.count === 1)).toBe(true);
      expect(new Set(effects.map((row) => row.messageId))).toEqual(new Set([...before, ...during, ...after]));
      expect(await bus.unpublished()).toBe(0);
    } finally {
      await worker?.close();
      await bus.close();
      await redisServer.kill();
    }
  });
});
