import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { onMemberAdmitted } from './events/on-member-admitted.js';
import { onMemberStatusChanged } from './events/on-member-status-changed.js';
import { rosterRoutes } from './http/roster-routes.js';
import { rosterStructureHandlers } from './events/roster-structure-handlers.js';
import { serviceVersion } from './service-version.js';
import {
  ballotBoardRouter,
  ballotBoxRoutes,
  startBallotVerification,
  startBoardSweep,
  startScheduledClosing,
} from './ballot-box/index.js';
import { electionRoutes } from './elections/index.js';
import { sittingHandlers, sittingRoutes } from './sittings/index.js';

function yieldCpuToApis(logger: { warn(o: object, m: string): void }): void {
  try {
    setPriority(10);
  } catch (error) {
    logger.warn({ err: error }, 'could not lower the worker process priority');
  }
}

export type ElectionsServiceOptions = RunServiceOptions<
  Prisma.TransactionClient,
  PrismaClient,
  Record<never, never>
>;

/**
 * The elections service (`hooks.now` fixes the clock in tests): the roll, bodies and offices it keeps from membership events; elections from
 * announcement to certification; sittings, attendance, quorum and polls.
 */
export function electionsService(hooks: { now?: () => Date } = {}): ElectionsServiceOptions {
  return {
    service: 'elections',
    version: serviceVersion,
    defaultPort: 4002,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    routes: (deps) => [
      ...rosterRoutes(deps.prisma),
      ...electionRoutes(deps, hooks.now ? { now: hooks.now } : {}),
      ...sittingRoutes(deps),
      ...ballotBoxRoutes(deps, hooks.now),
    ],
    // The bulletin board's stream for observers (Server-Sent Events), beside the JSON routes.
    routers: (deps) => [ballotBoardRouter(deps.prisma)],
    // Worker processes verify ballots and fold them into the encrypted sums, append to the board what an API
    // left waiting, and close voting on schedule.
    workers: async (deps) => {
      // A worker process of its own yields the CPU to the APIs taking ballots in at a peak: verification
      // can fall behind and catch up, a voter waiting for a 202 cannot.
      if (deps.config.KONSEY_PROCESS === 'worker') yieldCpuToApis(deps.logger);
      const verification = await startBallotVerification(deps);
      const closing = startScheduledClosing(deps, hooks.now ? { now: hooks.now } : {});
      const board = startBoardSweep(deps);
      return {
        stop: async () => {
          closing.stop();
          board.stop();
          await verification.stop();
        },
      };
    },
    handlers: () => ({
      'membership.member.admitted': onMemberAdmitted,
      'membership.member.status-changed': onMemberStatusChanged,
      ...rosterStructureHandlers,
      ...sittingHandlers,
    }),
  };
}
