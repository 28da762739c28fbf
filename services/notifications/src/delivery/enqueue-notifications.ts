import type { ChannelName } from '../domain/channel-name.js';
import type { NotificationsPrisma } from '../notifications-prisma.js';
import { deliveryJobOptions, type DeliveryQueues, type RetryPolicy } from './delivery-queues.js';

interface Row {
  id: string;
  channel: ChannelName;
  not_before: Date | null;
}

const addAll = async (queues: DeliveryQueues, policies: Record<ChannelName, RetryPolicy>, rows: Row[]) => {
  const now = Date.now();
  for (const channel of ['email', 'sms', 'webhook'] as const) {
    const jobs = rows
      .filter((row) => row.channel === channel)
      .map((row) => ({
        name: channel,
        data: { notificationId: row.id },
        opts: deliveryJobOptions(
          row.id,
          policies[channel],
          row.not_before ? row.not_before.getTime() - now : 0,
        ),
      }));
    if (jobs.length) await queues[channel].addBulk(jobs);
  }
};

/**
 * The outbox step of delivery: committed `pending` notifications become delivery jobs, then `queued`.
 * Rows are locked (SKIP LOCKED) so several workers share the work; a crash after `addBulk` and before
 * the update re-adds the same job ids next time, which BullMQ ignores.
 */
export async function dispatchPending(
  prisma: NotificationsPrisma,
  queues: DeliveryQueues,
  policies: Record<ChannelName, RetryPolicy>,
  batch = 500,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `SELECT id, channel, not_before FROM notifications WHERE status = 'pending'
       ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      batch,
    );
    if (rows.length === 0) return 0;
    await addAll(queues, policies, rows);
    await tx.$executeRawUnsafe(
      `UPDATE notifications SET status = 'queued', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      rows.map((row) => row.id),
    );
    return rows.length;
  });
}

/**
 * The reconciler: queued notifications not settled after `olderThanMs` are enqueued again (a Redis that
 * lost its data, a job removed by hand). Job ids make this harmless while the job still exists.
 */
export async function reconcileQueued(
  prisma: NotificationsPrisma,
  queues: DeliveryQueues,
  policies: Record<ChannelName, RetryPolicy>,
  olderThanMs: number,
): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `SELECT id, channel, not_before FROM notifications
     WHERE status = 'queued' AND updated_at < now() - make_interval(secs => $1::double precision / 1000)
     ORDER BY created_at LIMIT 5000`,
    olderThanMs,
  );
  await addAll(queues, policies, rows);
  return rows.length;
}
