import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenClaims } from '@konsey/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/app-error.js';
import type { AuthContext } from './auth-context.js';

export interface TokenVerifier {
  verify(token: string): Promise<AuthContext>;
}

export const TOKEN_ALGORITHMS = ['ES256'];

/** How long a verified token is taken on trust again without checking its signature. */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKEN_CACHE_SIZE = 50_000;

/**
 * Verify with any key source (a remote JWKS in services, a local one in tests). A token that verified
 * is remembered (the whole token is the key, signature included) until it expires or for
 * {@link VERIFIED_TOKEN_TTL_MS}, whichever is sooner: a voter's phone sends the same token for the
 * ballot, the credential and the cast within a minute, and the ECDSA check is the largest part of a
 * request's CPU at a peak. A key withdrawn from the JWKS stops being trusted within that minute.
 */
export function createTokenVerifier(keys: JWTVerifyGetKey, now = () => Date.now()): TokenVerifier {
  const verified = new Map<string, { auth: AuthContext; until: number }>();
  const check = checkToken(keys);
  return {
    async verify(token) {
      const cached = verified.get(token);
      if (cached && cached.until > now()) return cached.auth;
      if (cached) verified.delete(token);
      const auth = await check(token);
      const expiresAt = auth.claims.exp * 1000;
      if (verified.size >= VERIFIED_TOKEN_CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, { auth, until: Math.min(expiresAt, now() + VERIFIED_TOKEN_TTL_MS) });
      return auth;
    },
  };
}

function checkToken(keys: JWTVerifyGetKey): (token: string) => Promise<AuthContext> {
  return async (token) => {
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
