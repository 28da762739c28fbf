import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenClaims } from '@konsey/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/app-error.js';
import type { AuthContext } from './auth-context.js';

export interface TokenVerifier {
  verify(token: string): Promise<AuthContext>;
}

export const TOKEN_ALGORITHMS = ['ES256'];

/** Verify with any key source (a remote JWKS in services, a local one in tests). */
export function createTokenVerifier(keys: JWTVerifyGetKey): TokenVerifier {
  return {
    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: TOKEN_ALGORITHMS,
          clockTolerance: 5,
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError) {
          throw new AppError('unauthenticated', { detail: `token rejected: ${error.code}` });
        }
        throw new AppError('unavailable', { detail: 'token keys could not be fetched', cause: error });
      }
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success)
        throw new AppError('unauthenticated', { detail: 'token claims are not Konsey claims' });
      return { subject: claims.data.sub, roles: claims.data.roles, claims: claims.data };
    },
  };
}

/**
 * Verify against membership's published JWKS. jose caches the key set, refetches it when a token names
 * an unknown `kid` (at most once per cooldown), and refreshes it when it grows old.
 */
export function createJwksTokenVerifier(jwksUrl: string): TokenVerifier {
  return createTokenVerifier(
    createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 3_000,
    }),
  );
}
