import { fileURLToPath } from 'node:url';
import type { RunServiceOptions } from '@konsey/service-kit';
import { z } from 'zod';
import { applicationRoutes, applicationsConfig } from './applications/index.js';
import type { DocumentStorage } from './applications/storage/document-storage.js';
import { authConfig, authRoutes, keyringFor, type Clock, type SignInCodeSender } from './auth/index.js';
import { onResultCertified } from './events/on-result-certified.js';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { bodyRoutes } from './http/body-routes.js';
import { memberRecordRoutes } from './http/member-record-routes.js';
import { memberRoutes } from './http/member-routes.js';
import { officeRoutes } from './http/office-routes.js';
import './membership-errors.js';
import { serviceVersion } from './service-version.js';

/** Settings membership reads beyond the kit's (defaults as in the domain rules). */
export const membershipConfig = {
  /** Days before a General Assembly by which a change of representative must be notified to count at it. */
  REPRESENTATIVE_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  ...authConfig,
  ...applicationsConfig,
};

export type MembershipServiceOptions = RunServiceOptions<Prisma.TransactionClient, PrismaClient, typeof membershipConfig>;

/** What tests replace: the clock, the sign-in code sender and the document store. */
export interface MembershipServiceHooks {
  clock?: Clock;
  codeSender?: SignInCodeSender;
  storage?: DocumentStorage;
}

/**
 * The membership service: applications and their review, members, bodies, offices held, and sign-in;
 * the token issuer, whose keys (rotated, kept in the database) are published at /.well-known/jwks.json.
 */
export function membershipService(hooks: MembershipServiceHooks = {}): MembershipServiceOptions {
  type Deps = Parameters<NonNullable<MembershipServiceOptions['routes']>>[0];
  const keyring = (deps: Deps) => keyringFor(deps, hooks.clock);
  return {
    service: 'membership',
    version: serviceVersion,
    defaultPort: 4001,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    config: membershipConfig,
    verifier: async (deps) => keyring(deps).verifier,
    routers: async (deps) => [keyring(deps).jwksRouter],
    routes: (deps) => [
      ...memberRoutes(deps.prisma),
      ...memberRecordRoutes(deps.prisma, { representativeNoticeDays: deps.config.REPRESENTATIVE_NOTICE_DAYS }),
      ...bodyRoutes(deps.prisma),
      ...officeRoutes(deps.prisma),
      ...authRoutes(deps, {
        keyring: keyring(deps),
        ...(hooks.clock ? { clock: hooks.clock } : {}),
        ...(hooks.codeSender ? { codeSender: hooks.codeSender } : {}),
      }),
      ...applicationRoutes(deps, hooks.storage ? { storage: hooks.storage } : {}),
    ],
    handlers: () => ({ 'elections.result.certified': onResultCertified }),
  };
}
