import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelName } from '../domain/channel-name.js';

/** One delivery queue per channel, so each channel has its own rate limit and retry policy. */
export function deliveryQueueName(channel: ChannelName): string {
  return `konsey-notifications-delivery-${channel}`;
}

/** The job of a delivery queue carries only the notification id; the worker reloads the rest. */
export interface DeliveryJob {
  notificationId: string;
}

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export type DeliveryQueues = Record<ChannelName, Queue<DeliveryJob>>;

export function createDeliveryQueues(connection: Redis, prefix: string): DeliveryQueues {
  const queue = (channel: ChannelName) =>
    new Queue<DeliveryJob>(deliveryQueueName(channel), { connection, prefix });
  return { email: queue('email'), sms: queue('sms'), webhook: queue('webhook') };
}

/** Job id = notification id: enqueuing the same notification twice is one job. */
export function deliveryJobOptions(notificationId: string, policy: RetryPolicy, delayMs = 0): JobsOptions {
  return {
    jobId: notificationId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    ...(delayMs > 0 ? { delay: delayMs } : {}),
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
