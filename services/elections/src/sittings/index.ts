import type { AnyRoute, MessageHandlers, ServiceDependencies } from '@konsey/service-kit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { onPollOpen } from './events/on-poll-open.js';

/** Sittings, attendance, quorum and polls. */
export const sittingHandlers: MessageHandlers<Prisma.TransactionClient> = {
  'elections.poll.open': onPollOpen,
};

export function sittingRoutes(_deps: Pick<ServiceDependencies<PrismaClient, unknown>, 'prisma'>): AnyRoute[] {
  return [];
}
