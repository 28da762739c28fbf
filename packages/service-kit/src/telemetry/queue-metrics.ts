import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import type { SqlClient } from '../database/sql-client.js';

/** Queue depth per state and the outbox backlog, read when Prometheus scrapes. */
export function registerBusMetrics(
  registry: Registry,
  options: { queues: readonly Queue[]; db: SqlClient },
): void {
  new Gauge({
    name: 'konsey_queue_jobs',
    help: 'Jobs in each BullMQ queue by state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      // A scrape during a Redis outage keeps the last values rather than failing the whole page.
      for (const queue of options.queues) {
        const counts = await queue
          .getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
          .catch(() => ({}));
        for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
      }
    },
  });
  new Gauge({
    name: 'konsey_outbox_pending',
    help: 'Outbox messages committed but not yet published',
    registers: [registry],
    async collect() {
      const rows = await Promise.resolve(
        options.db.$queryRawUnsafe<{ count: bigint }[]>(
          'SELECT count(*) AS count FROM "konsey_outbox" WHERE "published_at" IS NULL',
        ),
      ).catch(() => undefined);
      if (rows) this.set(Number(rows[0]?.count ?? 0));
    },
  });
}
