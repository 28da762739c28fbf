import { AppError, type TokenSubject } from '@konsey/service-kit';
import { recordAudit } from '../../data/member-repository.js';
import { afterFailedSignIn, afterSuccessfulSignIn, isLocked } from '../domain/lockout.js';
import { hashPassword, verifyPassword } from '../domain/password-hash.js';
import { passwordRepeatsEmail } from '../domain/password-policy.js';
import {
  findAccountBySubject,
  lockAccount,
  updateLockout,
  updatePasswordHash,
} from '../data/account-repository.js';
import { revokeSessionsOfAccount } from '../data/session-repository.js';
import { lockoutPolicy, passwordParameters, type AuthServices } from './auth-services.js';
import {
  startSession,
  tokenPair,
  tokenSubjectOf,
  type IssuedRefreshToken,
  type TokenPair,
} from './issue-tokens.js';

export interface ChangePasswordInput {
  /** The token subject of the caller. */
  subject: string;
  currentPassword?: string | undefined;
  newPassword: string;
}

const fieldError = (field: string, message: string) =>
  new AppError('validation-failed', {
    detail: `${field}: ${message}`,
    errors: [{ field, code: 'custom', message }],
  });

/**
 * Set a password (an account that signed in by code and has none) or change it (the current password is
 * required; a wrong one counts towards the lockout). Every session ends; the answer is a fresh pair.
 */
export async function changePassword(services: AuthServices, input: ChangePasswordInput): Promise<TokenPair> {
  const now = services.clock();
  const account = await findAccountBySubject(services.prisma, input.subject);
  if (!account) throw new AppError('not-found', { detail: 'no account for this token subject' });
  if (isLocked(account, now)) throw new AppError('account-locked');
  if (account.passwordHash) {
    if (input.currentPassword === undefined)
      throw fieldError('body.currentPassword', 'mevcut parola gerekli / the current password is required');
    if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
      await services.prisma.$transaction(async (tx) => {
        const locked = await lockAccount(tx, account.id);
        if (locked)
          await updateLockout(
            tx,
            account.id,
            afterFailedSignIn(locked, lockoutPolicy(services.config), now),
            now,
          );
      });
      throw new AppError('current-password-wrong');
    }
  }
  if (passwordRepeatsEmail(input.newPassword, account.email)) {
    throw fieldError(
      'body.newPassword',
      'parola e-posta adresiyle aynı olamaz / must not repeat the e-mail address',
    );
  }
  const passwordHash = await hashPassword(input.newPassword, passwordParameters(services.config));
  const { subject, refresh } = await services.prisma.$transaction(
    async (tx): Promise<{ subject: TokenSubject; refresh: IssuedRefreshToken }> => {
      const locked = await lockAccount(tx, account.id);
      if (!locked || locked.passwordHash !== account.passwordHash)
        throw new AppError('conflict', { detail: 'the password changed meanwhile' });
      await updatePasswordHash(tx, account.id, passwordHash, now);
      await updateLockout(tx, account.id, afterSuccessfulSignIn, now);
      const revoked = await revokeSessionsOfAccount(tx, account.id, 'password-changed', now);
      await recordAudit(tx, {
        actor: input.subject,
        action: account.passwordHash ? 'account.password-changed' : 'account.password-set',
        subjectId: account.id,
        details: { revokedSessions: revoked },
      });
      return {
        subject: await tokenSubjectOf(tx, locked),
        refresh: await startSession(tx, services, locked, 'password'),
      };
    },
  );
  return tokenPair(services, subject, refresh);
}
