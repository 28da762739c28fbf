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
import './membership-errors.js';
import { serviceVersion } from './service-version.js';

export type MembershipServiceOptions = RunServiceOptions<Prisma.TransactionClient, PrismaClient, Record<never, never>>;

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
    verifier: async ({ config }) => createTokenVerifier(createLocalJWKSet({ keys: [(await signingKey(config)).publicJwk] })),
    routes: ({ prisma }) => memberRoutes(prisma),
    routers: async ({ config }) => [jwksRouter([await signingKey(config)])],
  };
}
