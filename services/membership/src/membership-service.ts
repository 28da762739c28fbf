import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTokenVerifier,
  loadOrCreateSigningKey,
  type BaseConfig,
  type RunServiceOptions,
  type SigningKey,
} from '@konsey/service-kit';
import { createLocalJWKSet } from 'jose';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';
import { jwksRouter } from './http/jwks-router.js';
import { memberRoutes } from './http/member-routes.js';
import { bodyRoutes } from './http/body-routes.js';
import { memberRecordRoutes } from './http/member-record-routes.js';
import { z } from 'zod';
import { officeRoutes } from './http/office-routes.js';
import { onResultCertified } from './events/on-result-certified.js';
import './membership-errors.js';
import { serviceVersion } from './service-version.js';

/** Council settings membership reads (defaults as in the domain rules). */
export const membershipConfig = {
  /** Days before a General Assembly by which a change of representative must be notified to count at it. */
  REPRESENTATIVE_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(5),
};

export type MembershipServiceOptions = RunServiceOptions<
  Prisma.TransactionClient,
  PrismaClient,
  typeof membershipConfig
>;

/** Where membership keeps the private key that signs access tokens (created on first start). */
export function signingKeyPath(config: Pick<BaseConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'membership', 'signing-key.json');
}

/** The membership service: members and their status; the token issuer and its JWKS. */
export function membershipService(): MembershipServiceOptions {
  let key: Promise<SigningKey> | undefined;
  const signingKey = (config: BaseConfig) => (key ??= loadOrCreateSigningKey(signingKeyPath(config)));
  return {
    service: 'membership',
    version: serviceVersion,
    defaultPort: 4001,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma: (adapter) => new PrismaClient({ adapter }),
    verifier: async ({ config }) =>
      createTokenVerifier(createLocalJWKSet({ keys: [(await signingKey(config)).publicJwk] })),
    config: membershipConfig,
    routes: ({ prisma, config }) => [
      ...memberRoutes(prisma),
      ...memberRecordRoutes(prisma, { representativeNoticeDays: config.REPRESENTATIVE_NOTICE_DAYS }),
      ...bodyRoutes(prisma),
      ...officeRoutes(prisma),
    ],
    handlers: () => ({ 'elections.result.certified': onResultCertified }),
    routers: async ({ config }) => [jwksRouter([await signingKey(config)])],
  };
}
