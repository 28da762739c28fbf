// What elections-service.ts wires: the routes of the elections lifecycle.
import type { ServiceDependencies } from '@konsey/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { electionHttpRoutes } from './http/election-routes.js';
import './elections-errors.js';

export { electionErrors } from './elections-errors.js';
export { electionHttpRoutes, type ElectionRoutesOptions } from './http/election-routes.js';

/** The elections lifecycle routes; `now` lets tests fix the clock. */
export function electionRoutes(
  deps: Pick<ServiceDependencies<PrismaClient, unknown>, 'prisma'>,
  hooks: { now?: () => Date } = {},
) {
  return electionHttpRoutes({ prisma: deps.prisma, ...hooks });
}
