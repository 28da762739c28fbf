import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { createWorkflow } from './domain/motion-workflow.js';
import { onPollDecided } from './events/on-poll-decided.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { motionsConfig } from './motions-config.js';
import './motions-errors.js';
import { serviceVersion } from './service-version.js';

export type MotionsServiceOptions = RunServiceOptions<
  Prisma.TransactionClient,
  PrismaClient,
  typeof motionsConfig
>;

/** The motions service: motions from draft to the municipal council's decision, agendas, public record. */
export function motionsService(): MotionsServiceOptions {
  return {
    service: 'motions',
    version: serviceVersion,
    defaultPort: 4003,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    config: motionsConfig,
    handlers: (deps) => {
      const workflow = createWorkflow({ withdrawableFrom: deps.config.MOTION_WITHDRAWABLE_STATES });
      return { 'elections.poll.decided': onPollDecided(workflow) };
    },
  };
}
