import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { serviceVersion } from './service-version.js';

export type MotionsServiceOptions = RunServiceOptions<Prisma.TransactionClient, PrismaClient, Record<never, never>>;

/** The motions service on the kit: health, readiness, metrics, OpenAPI and the bus; its capabilities come with its issue. */
export function motionsService(): MotionsServiceOptions {
  return {
    service: 'motions',
    version: serviceVersion,
    defaultPort: 4003,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
  };
}
