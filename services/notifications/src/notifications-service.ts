import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { serviceVersion } from './service-version.js';

export type NotificationsServiceOptions = RunServiceOptions<Prisma.TransactionClient, PrismaClient, Record<never, never>>;

/** The notifications service on the kit: health, readiness, metrics, OpenAPI and the bus; its capabilities come with its issue. */
export function notificationsService(): NotificationsServiceOptions {
  return {
    service: 'notifications',
    version: serviceVersion,
    defaultPort: 4004,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
  };
}
