import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackgroundWork, RunServiceOptions } from '@konsey/service-kit';
import { checkOverdueMotions } from './app/flag-overdue-motions.js';
import { todayInTurkey } from './domain/calendar-date.js';
import { createWorkflow } from './domain/motion-workflow.js';
import { onPollDecided } from './events/on-poll-decided.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { agendaRoutes } from './http/agenda-routes.js';
import { motionRoutes } from './http/motion-routes.js';
import { municipalRoutes } from './http/municipal-routes.js';
import { publicDocumentsRouter, publicRoutes } from './http/public-routes.js';
import type { MotionRoutesContext } from './http/route-context.js';
import { motionsConfig } from './motions-config.js';
import './motions-errors.js';
import { serviceVersion } from './service-version.js';
import { localAttachmentStorage, type AttachmentStorage } from './storage/attachment-storage.js';

export type MotionsServiceOptions = RunServiceOptions<
  Prisma.TransactionClient,
  PrismaClient,
  typeof motionsConfig
>;
type Deps = Parameters<NonNullable<MotionsServiceOptions['routes']>>[0];

/** What tests replace: today's date and the attachment store. */
export interface MotionsServiceHooks {
  today?: () => string;
  storage?: AttachmentStorage;
}

/**
 * The motions service: motions from draft to the municipal council's decision, the General Assembly's
 * agendas and polls (through elections), the first-meeting rule, and the public record with its feed.
 */
export function motionsService(hooks: MotionsServiceHooks = {}): MotionsServiceOptions {
  const contexts = new WeakMap<Deps, MotionRoutesContext>();
  const contextOf = (deps: Deps): MotionRoutesContext => {
    let context = contexts.get(deps);
    if (!context) {
      context = {
        prisma: deps.prisma,
        workflow: createWorkflow({ withdrawableFrom: deps.config.MOTION_WITHDRAWABLE_STATES }),
        minCosponsors: deps.config.MOTION_MIN_COSPONSORS,
        storage:
          hooks.storage ??
          localAttachmentStorage(join(resolve(deps.config.DATA_DIR), 'motions', 'attachments')),
        limits: {
          maxBytes: deps.config.MOTION_ATTACHMENT_MAX_BYTES,
          mediaTypes: deps.config.MOTION_ATTACHMENT_TYPES,
        },
        councilName: deps.config.COUNCIL_NAME,
        municipalityName: deps.config.MUNICIPALITY_NAME,
        publicBaseUrl: deps.config.PUBLIC_BASE_URL,
        today: hooks.today ?? (() => todayInTurkey()),
      };
      contexts.set(deps, context);
    }
    return context;
  };
  return {
    service: 'motions',
    version: serviceVersion,
    defaultPort: 4003,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    config: motionsConfig,
    routes: (deps) => {
      const context = contextOf(deps);
      return [
        ...motionRoutes(context),
        ...agendaRoutes(context),
        ...municipalRoutes(context),
        ...publicRoutes(context),
      ];
    },
    routers: (deps) => [publicDocumentsRouter(contextOf(deps))],
    handlers: (deps) => ({ 'elections.poll.decided': onPollDecided(contextOf(deps).workflow) }),
    // Worker processes judge the first-meeting rule on a timer, stopped with the service.
    workers: (deps) => startOverdueCheck(deps, contextOf(deps)),
  };
}

/** Judge the first-meeting rule on a timer; a failed run is logged and tried again at the next tick. */
function startOverdueCheck(deps: Deps, context: MotionRoutesContext): BackgroundWork {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = checkOverdueMotions(deps.prisma, context.today())
      .then((flagged) => flagged.length && deps.logger.info({ motions: flagged }, 'motions flagged overdue'))
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'overdue check failed; will try again'))
      .finally(() => (running = undefined));
  }, deps.config.OVERDUE_CHECK_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
