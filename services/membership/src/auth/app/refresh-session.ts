import { AppError, type TokenSubject } from '@konsey/service-kit';
import { recordAudit } from '../../data/member-repository.js';
import { hashRefreshToken } from '../domain/refresh-token.js';
import { findAccountById } from '../data/account-repository.js';
import { findRefreshToken, markRefreshTokenUsed, revokeSession } from '../data/session-repository.js';
import type { AuthServices } from './auth-services.js';
import {
  issueRefreshToken,
  tokenPair,
  tokenSubjectOf,
  type IssuedRefreshToken,
  type TokenPair,
} from './issue-tokens.js';

type Outcome =
  | { kind: 'invalid' }
  | { kind: 'reused' }
  | { kind: 'refreshed'; subject: TokenSubject; refresh: IssuedRefreshToken };

/**
 * Trade a refresh token for a new pair. Each refresh token works once: presenting one that was already
 * rotated means it was copied, so the whole session (token family) is revoked, for the thief and the
 * owner alike.
 */
export async function refreshSession(services: AuthServices, refreshToken: string): Promise<TokenPair> {
  const tokenHash = hashRefreshToken(refreshToken);
  const outcome = await services.prisma.$transaction(async (tx): Promise<Outcome> => {
    const now = services.clock();
    const token = await findRefreshToken(tx, tokenHash);
    if (!token) return { kind: 'invalid' };
    if (token.usedAt || !(await markRefreshTokenUsed(tx, tokenHash, now))) {
      if (await revokeSession(tx, token.sessionId, 'token-reused', now)) {
        await recordAudit(tx, {
          actor: 'system',
          action: 'session.refresh-token-reused',
          subjectId: token.session.accountId,
          details: { sessionId: token.sessionId },
        });
      }
      return { kind: 'reused' };
    }
    if (token.session.revokedAt || token.expiresAt <= now || token.session.expiresAt <= now)
      return { kind: 'invalid' };
    const account = await findAccountById(tx, token.session.accountId);
    if (!account) return { kind: 'invalid' };
    const subject = await tokenSubjectOf(tx, account);
    return {
      kind: 'refreshed',
      subject,
      refresh: await issueRefreshToken(tx, services, token.sessionId, token.session.expiresAt),
    };
  });
  if (outcome.kind === 'invalid') throw new AppError('refresh-token-invalid');
  if (outcome.kind === 'reused') throw new AppError('refresh-token-reused');
  return tokenPair(services, outcome.subject, outcome.refresh);
}
