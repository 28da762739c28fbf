import type { AnyRoute, MessageHandlers } from '@konsey/service-kit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { onPollOpen } from './events/on-poll-open.js';
import { pollHttpRoutes } from './http/poll-routes.js';
import { sittingHttpRoutes } from './http/sitting-routes.js';

export { isPresent } from './app/is-present.js';
export { sittingsErrors } from './sittings-errors.js';

/**
 * Sittings, attendance, quorum and polls. `elections.poll.open` from motions records a poll (once per
 * poll id); it attaches to the open sitting of its body, or waits until one opens.
 */
export const sittingHandlers: MessageHandlers<Prisma.TransactionClient> = {
  'elections.poll.open': onPollOpen,
};

export function sittingRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  return [...sittingHttpRoutes(deps.prisma), ...pollHttpRoutes(deps.prisma)];
}
