import type { Logger } from 'pino';
import type { SqlClient } from '../database/sql-client.js';

export interface BusRetention {
  /** Published outbox rows are kept this long, to republish them if Redis loses its queues (default 7 days). */
  outboxHours: number;
  /**
   * Handled message ids are kept this long (default 30 days): longer than any message can be
   * redelivered, since nothing republishes a message older than the outbox retention.
   */
  inboxHours: number;
}

export const DEFAULT_BUS_RETENTION: BusRetention = { outboxHours: 24 * 7, inboxHours: 24 * 30 };

/** Delete what the bus no longer needs; returns the rows removed from each table. */
export async function pruneBusTables(db: SqlClient, retention: BusRetention = DEFAULT_BUS_RETENTION) {
  const outbox = await db.$executeRawUnsafe(
    `DELETE FROM "konsey_outbox" WHERE "published_at" IS NOT NULL AND "created_at" < now() - make_interval(hours => $1::int)`,
    retention.outboxHours,
  );
  const inbox = await db.$executeRawUnsafe(
    `DELETE FROM "konsey_inbox" WHERE "handled_at" < now() - make_interval(hours => $1::int)`,
    retention.inboxHours,
  );
  return { outbox, inbox };
}

/** Prune once an hour (and shortly after start) in worker processes; stop() clears the timer. */
export function schedulePruning(db: SqlClient, logger: Logger, everyMs = 3_600_000): { stop(): void } {
  const run = async () => {
    try {
      const removed = await pruneBusTables(db);
      if (removed.outbox || removed.inbox) logger.info(removed, 'bus tables pruned');
    } catch (error) {
      logger.warn({ err: error }, 'bus tables could not be pruned; will try again');
    }
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
