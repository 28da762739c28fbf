import { hashRefreshToken } from '../domain/refresh-token.js';
import { findRefreshToken, revokeSession } from '../data/session-repository.js';
import type { AuthServices } from './auth-services.js';

/** End the session the refresh token belongs to; unknown tokens change nothing (and say nothing). */
export async function signOut(services: AuthServices, refreshToken: string): Promise<void> {
  await services.prisma.$transaction(async (tx) => {
    const token = await findRefreshToken(tx, hashRefreshToken(refreshToken));
    if (token) await revokeSession(tx, token.sessionId, 'signed-out', services.clock());
  });
}
