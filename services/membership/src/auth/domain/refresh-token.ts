import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What a client sends back: the opaque token, as issued. */
export const RefreshTokenInput = z
  .string()
  .regex(/^[\w-]{43}$/, { message: 'geçersiz yenileme belirteci / not a refresh token' });

/** A new opaque refresh token (256 random bits) and the SHA-256 that is all the database keeps. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** A plain SHA-256 suffices: the token has 256 bits of entropy, so there is nothing to guess. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
