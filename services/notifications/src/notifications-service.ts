import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { notificationHandlers } from './events/notification-handlers.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { notificationsConfig } from './notifications-config.js';
import './notifications-errors.js';
import { serviceVersion } from './service-version.js';

export type NotificationsServiceOptions = RunServiceOptions<Prisma.TransactionClient, PrismaClient, typeof notificationsConfig>;

/** The notifications service: a contact directory, notifications per event and recipient, and their delivery. */
export function notificationsService(): NotificationsServiceOptions {
  return {
    service: 'notifications',
    version: serviceVersion,
    defaultPort: 4004,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    config: notificationsConfig,
    handlers: ({ config }) =>
      notificationHandlers({
        webhookEndpoints: config.WEBHOOK_ENDPOINTS,
        quietHours: config.SMS_QUIET_HOURS,
        now: () => new Date(),
      }),
  };
}
