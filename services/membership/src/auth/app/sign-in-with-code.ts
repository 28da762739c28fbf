import { AppError, type TokenSubject } from '@konsey/service-kit';
import { afterFailedSignIn, afterSuccessfulSignIn, isLocked } from '../domain/lockout.js';
import { signInCodeMatches } from '../domain/one-time-code.js';
import { findAccountByEmail, lockAccount, updateLockout } from '../data/account-repository.js';
import { consumeCode, lockOpenCode, recordCodeAttempt } from '../data/sign-in-code-repository.js';
import { lockoutPolicy, type AuthServices } from './auth-services.js';
import {
  startSession,
  tokenPair,
  tokenSubjectOf,
  type IssuedRefreshToken,
  type TokenPair,
} from './issue-tokens.js';
import { signInCodeKey } from './request-sign-in-code.js';

export interface SignInWithCodeInput {
  email: string;
  code: string;
}

type Outcome =
  | { kind: 'failed' }
  | { kind: 'locked' }
  | { kind: 'signed-in'; subject: TokenSubject; refresh: IssuedRefreshToken };

/**
 * Sign in with the last code sent. A code works once, until it expires (AUTH_CODE_TTL_SECONDS) or has
 * been entered wrongly AUTH_CODE_MAX_ATTEMPTS times; every wrong entry also counts towards the lockout.
 */
export async function signInWithCode(services: AuthServices, input: SignInWithCodeInput): Promise<TokenPair> {
  const candidate = await findAccountByEmail(services.prisma, input.email);
  if (!candidate) throw new AppError('sign-in-failed');
  const now = services.clock();
  if (isLocked(candidate, now)) throw new AppError('account-locked');

  const outcome = await services.prisma.$transaction(async (tx): Promise<Outcome> => {
    const account = await lockAccount(tx, candidate.id);
    if (!account) return { kind: 'failed' };
    if (isLocked(account, now)) return { kind: 'locked' };
    const code = await lockOpenCode(tx, account.id, now, services.config.AUTH_CODE_MAX_ATTEMPTS);
    if (!code || !signInCodeMatches(signInCodeKey(services.config), code.id, input.code, code.codeHash)) {
      if (code) await recordCodeAttempt(tx, code.id);
      await updateLockout(
        tx,
        account.id,
        afterFailedSignIn(account, lockoutPolicy(services.config), now),
        now,
      );
      return { kind: 'failed' };
    }
    const subject = await tokenSubjectOf(tx, account);
    await consumeCode(tx, code.id, now);
    await updateLockout(tx, account.id, afterSuccessfulSignIn, now);
    return { kind: 'signed-in', subject, refresh: await startSession(tx, services, account, 'code') };
  });
  if (outcome.kind === 'failed') throw new AppError('sign-in-failed');
  if (outcome.kind === 'locked') throw new AppError('account-locked');
  return tokenPair(services, outcome.subject, outcome.refresh);
}
