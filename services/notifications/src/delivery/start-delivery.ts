import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Channel } from '../channels/channel.js';
import type { ChannelName } from '../domain/channel-name.js';
import type { NotificationsPrisma } from '../notifications-prisma.js';
import { deliverNotification, type DeliverySettings } from './deliver-notification.js';
import {
  createDeliveryQueues,
  deliveryQueueName,
  type DeliveryJob,
  type DeliveryQueues,
  type RetryPolicy,
} from './delivery-queues.js';
import { dispatchPending, reconcileQueued } from './enqueue-notifications.js';

export interface DeliveryOptions extends Omit<DeliverySettings, 'logger'> {
  prisma: NotificationsPrisma;
  logger: Logger;
  /** Producer connection (queues) and a blocking one for the workers. */
  connection: Redis;
  workerConnection: Redis;
  prefix: string;
  rates: Record<ChannelName, { max: number; duration: number }>;
  policies: Record<ChannelName, RetryPolicy>;
  dispatchPollMs: number;
  reconcileMs: number;
}

export interface DeliveryRuntime {
  queues: DeliveryQueues;
  stop(): Promise<void>;
}

const concurrency: Record<ChannelName, number> = { email: 5, sms: 10, webhook: 10 };

/**
 * The delivery side of the service (worker processes only): one BullMQ worker per channel with its rate
 * limit, the dispatcher loop that queues committed notifications, and the reconciler that re-queues
 * what may have been lost (at start-up and every `reconcileMs`).
 */
export function startDelivery(options: DeliveryOptions): DeliveryRuntime {
  const { prisma, logger } = options;
  const queues = createDeliveryQueues(options.connection, options.prefix);
  for (const queue of Object.values(queues))
    queue.on('error', (error) => logger.debug({ err: error }, 'delivery queue error'));
  const workers = (['email', 'sms', 'webhook'] as const).map((channel) => {
    const worker = new Worker<DeliveryJob>(
      deliveryQueueName(channel),
      async (job: Job<DeliveryJob>) =>
        deliverNotification(prisma, options, job.data.notificationId, {
          number: job.attemptsMade + 1,
          final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        }),
      {
        connection: options.workerConnection,
        prefix: options.prefix,
        concurrency: concurrency[channel],
        limiter: options.rates[channel],
      },
    );
    worker.on('failed', (job, error) => {
      if (error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1)))
        logger.warn(
          { notificationId: job?.data.notificationId, channel },
          'notification failed; listed for operators',
        );
    });
    worker.on('error', (error) => logger.warn({ err: error }, 'delivery worker error'));
    return worker;
  });

  let stopped = false;
  let dispatching: Promise<unknown> = Promise.resolve();
  const dispatch = () => {
    dispatching = (async () => {
      while (!stopped && (await dispatchPending(prisma, queues, options.policies)) > 0);
    })().catch((error: unknown) => logger.warn({ err: error }, 'dispatch failed; will try again'));
    return dispatching;
  };
  const dispatchTimer = setInterval(() => void dispatching.then(dispatch), options.dispatchPollMs);
  const reconcile = () =>
    reconcileQueued(prisma, queues, options.policies, 30_000)
      .then((count) => count && logger.info({ count }, 'queued notifications re-enqueued'))
      .catch((error: unknown) => logger.warn({ err: error }, 'reconcile failed'));
  void reconcileQueued(prisma, queues, options.policies, 0).catch(() => undefined);
  const reconcileTimer = setInterval(() => void reconcile(), options.reconcileMs);

  return {
    queues,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(dispatchTimer);
      clearInterval(reconcileTimer);
      await dispatching;
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await Promise.all(Object.values(options.channels).map((channel: Channel) => channel.close?.()));
      await Promise.all([options.connection.quit(), options.workerConnection.quit()]).catch(() => undefined);
    },
  };
}
