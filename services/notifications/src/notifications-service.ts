import { fileURLToPath } from 'node:url';
import { createRedisConnection, type RunServiceOptions } from '@konsey/service-kit';
import type { Logger } from 'pino';
import { createEmailChannel } from './channels/email-channel.js';
import { createSmsChannel } from './channels/sms-channel.js';
import { createWebhookChannel } from './channels/webhook-channel.js';
import { createDeliveryQueues } from './delivery/delivery-queues.js';
import { startDelivery, type DeliveryRuntime } from './delivery/start-delivery.js';
import { notificationHandlers } from './events/notification-handlers.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { memberRoutes } from './http/member-routes.js';
import { operatorRoutes } from './http/operator-routes.js';
import { previewRoutes } from './http/preview-routes.js';
import { notificationsConfig } from './notifications-config.js';
import './notifications-errors.js';
import { serviceVersion } from './service-version.js';

export type NotificationsServiceOptions = RunServiceOptions<
  Prisma.TransactionClient,
  PrismaClient,
  typeof notificationsConfig
>;

/** What tests replace: the logger of the delivery side and handlers (to capture it), and the clock. */
export interface NotificationsServiceHooks {
  logger?: Logger;
  now?: () => Date;
}

/**
 * The notifications service: a contact directory fed by membership, one notification per (event,
 * recipient, channel) recorded in the inbox transaction, and their delivery by e-mail, SMS and webhooks
 * through rate-limited BullMQ queues of its own. Delivery runs in worker processes only.
 */
export function notificationsService(hooks: NotificationsServiceHooks = {}): NotificationsServiceOptions {
  return {
    service: 'notifications',
    version: serviceVersion,
    defaultPort: 4004,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    config: notificationsConfig,
    ...(hooks.logger ? { logger: hooks.logger } : {}),
    routes: ({ config, prisma, redis }) => {
      const queues = createDeliveryQueues(redis, config.REDIS_PREFIX);
      const retry = async (notificationId: string) => {
        const row = await prisma.notification.findUniqueOrThrow({ where: { id: notificationId } });
        await queues[row.channel as keyof typeof queues].remove(notificationId);
        await prisma.notification.updateMany({
          where: { id: notificationId, status: 'failed' },
          data: { status: 'pending', settledAt: null, notBefore: null, updatedAt: new Date() },
        });
      };
      return [
        ...operatorRoutes(prisma, retry),
        ...memberRoutes(prisma, { unsubscribeSecret: config.NOTIFICATIONS_SECRET }),
        ...previewRoutes(),
      ];
    },
    // Delivery runs in worker processes (KONSEY_PROCESS !== 'api') and stops with the service.
    workers: ({ config, prisma, logger }): DeliveryRuntime =>
      startDelivery({
        prisma,
        logger,
        connection: createRedisConnection(config.REDIS_URL, 'producer'),
        workerConnection: createRedisConnection(config.REDIS_URL, 'worker'),
        prefix: config.REDIS_PREFIX,
        channels: {
          email: createEmailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
          sms: createSmsChannel({ url: config.SMS_URL, token: config.SMS_TOKEN, sender: config.SMS_SENDER }),
          webhook: createWebhookChannel({ secret: config.WEBHOOK_SECRET }),
        },
        webhookEndpoints: config.WEBHOOK_ENDPOINTS,
        unsubscribeSecret: config.NOTIFICATIONS_SECRET,
        publicBaseUrl: config.PUBLIC_BASE_URL,
        rates: { email: config.EMAIL_RATE, sms: config.SMS_RATE, webhook: config.WEBHOOK_RATE },
        policies: { email: config.EMAIL_RETRY, sms: config.SMS_RETRY, webhook: config.WEBHOOK_RETRY },
        dispatchPollMs: config.DISPATCH_POLL_MS,
        reconcileMs: config.RECONCILE_MS,
      }),
    handlers: ({ config }) => {
      return notificationHandlers({
        webhookEndpoints: config.WEBHOOK_ENDPOINTS,
        smsConfigured: Boolean(config.SMS_URL),
        quietHours: config.SMS_QUIET_HOURS,
        now: hooks.now ?? (() => new Date()),
      });
    },
  };
}
