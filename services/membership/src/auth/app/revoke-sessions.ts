import { AppError } from '@konsey/service-kit';
import { recordAudit } from '../../data/member-repository.js';
import { lockAccount } from '../data/account-repository.js';
import { revokeSessionsOfAccount } from '../data/session-repository.js';
import type { AuthServices } from './auth-services.js';

export interface RevokeSessionsInput {
  actor: string;
  accountId: string;
}

/**
 * Staff end every session of an account: no refresh token of it works any more. Access tokens already
 * issued stay valid until they expire (AUTH_ACCESS_TTL_SECONDS), as other services verify them offline.
 */
export async function revokeSessions(
  services: AuthServices,
  input: RevokeSessionsInput,
): Promise<{ revokedSessions: number }> {
  return services.prisma.$transaction(async (tx) => {
    const account = await lockAccount(tx, input.accountId);
    if (!account) throw new AppError('not-found', { detail: `account ${input.accountId}` });
    const revokedSessions = await revokeSessionsOfAccount(tx, account.id, 'staff-revoked', services.clock());
    await recordAudit(tx, {
      actor: input.actor,
      action: 'account.sessions-revoked',
      subjectId: account.id,
      details: { revokedSessions },
    });
    return { revokedSessions };
  });
}
