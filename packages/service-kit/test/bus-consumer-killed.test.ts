import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'bullmq';
import { startInboxWorker } from '../src/events/inbox-worker.js';
import { TEST_REDIS_URL } from '../src/testing/test-database.js';
import { createBusHarness, silentLogger, waitFor } from './bus-harness.js';

describe('event bus when a consumer process is killed mid-job', () => {
  it('when the consumer dies inside the handler, then another takes the job over and the effect is applied once', async () => {
    const bus = await createBusHarness('bus_consumer_killed');
    let worker: Worker | undefined;
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./fixtures/stuck-consumer.mjs', import.meta.url))],
      {
        env: {
          ...process.env,
          DATABASE_URL: bus.database.url,
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: bus.prefix,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitFor(
        async () => output,
        (text) => text.includes('ready'),
      );
      const [id] = await bus.admit(1);
      await bus.relay().publishBatch();
      await waitFor(
        async () => output,
        (text) => text.includes(`handling ${id}`),
      );

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      // Its transaction died with its connection: nothing was applied.
      expect(await bus.effects()).toEqual([]);

      worker = startInboxWorker({
        service: 'elections',
        connection: bus.redis('worker'),
        prefix: bus.prefix,
        transaction: bus.transaction,
        handlers: bus.handlers,
        logger: silentLogger,
        lockDurationMs: 1_000,
      });
      const effects = await waitFor(bus.effects, (rows) => rows.length === 1, 30_000);
      expect(effects).toEqual([{ messageId: id, count: 1 }]);
      await waitFor(
        async () => bus.queue.getJobState(id!),
        (state) => state === 'completed',
        30_000,
      );
      const inbox = await bus.pool.query(
        'SELECT count(*)::int AS n FROM konsey_inbox WHERE message_id = $1',
        [id],
      );
      expect(inbox.rows[0].n).toBe(1);
    } finally {
      child.kill('SIGKILL');
      await worker?.close();
      await bus.close();
    }
  });
});
