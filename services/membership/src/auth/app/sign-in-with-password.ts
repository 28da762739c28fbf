import { AppError, type TokenSubject } from '@konsey/service-kit';
import { afterFailedSignIn, afterSuccessfulSignIn, isLocked } from '../domain/lockout.js';
import { hashPassword, needsRehash, verifyPassword, type ScryptParameters } from '../domain/password-hash.js';
import {
  findAccountByEmail,
  lockAccount,
  updateLockout,
  updatePasswordHash,
} from '../data/account-repository.js';
import { lockoutPolicy, passwordParameters, type AuthServices } from './auth-services.js';
import {
  startSession,
  tokenPair,
  tokenSubjectOf,
  type IssuedRefreshToken,
  type TokenPair,
} from './issue-tokens.js';

export interface SignInWithPasswordInput {
  email: string;
  password: string;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spend the same scrypt work as a real check, so an unknown e-mail (or an account without a password)
 * takes as long to refuse as a wrong password.
 */
export async function spendPasswordCheck(password: string, params: ScryptParameters): Promise<false> {
  await verifyPassword(password, await standInHash(params));
  return false;
}

/** The hash an absent password is checked against: made once, with the same parameters as real ones. */
export function standInHash(params: ScryptParameters): Promise<string> {
  let dummy = dummyHashes.get(params.logN);
  if (!dummy) {
    dummy = hashPassword('konsey-no-such-account', params);
    dummyHashes.set(params.logN, dummy);
  }
  return dummy;
}

type Outcome =
  | { kind: 'failed' }
  | { kind: 'locked' }
  | { kind: 'signed-in'; subject: TokenSubject; refresh: IssuedRefreshToken };

/**
 * Sign in with e-mail and password. Unknown e-mail and wrong password give the same answer after the
 * same work; consecutive failures lock the account for a while (AUTH_LOCKOUT_*).
 */
export async function signInWithPassword(
  services: AuthServices,
  input: SignInWithPasswordInput,
): Promise<TokenPair> {
  const params = passwordParameters(services.config);
  const now = services.clock();
  const candidate = await findAccountByEmail(services.prisma, input.email);
  if (!candidate) {
    await spendPasswordCheck(input.password, params);
    throw new AppError('sign-in-failed');
  }
  if (isLocked(candidate, now)) throw new AppError('account-locked');
  // The hash is checked before the row is locked: scrypt's tens of milliseconds are not spent holding it.
  const correct = candidate.passwordHash
    ? await verifyPassword(input.password, candidate.passwordHash)
    : await spendPasswordCheck(input.password, params);

  const outcome = await services.prisma.$transaction(async (tx): Promise<Outcome> => {
    const account = await lockAccount(tx, candidate.id);
    if (!account) return { kind: 'failed' };
    if (isLocked(account, now)) return { kind: 'locked' };
    if (!correct || account.passwordHash !== candidate.passwordHash) {
      await updateLockout(
        tx,
        account.id,
        afterFailedSignIn(account, lockoutPolicy(services.config), now),
        now,
      );
      return { kind: 'failed' };
    }
    const subject = await tokenSubjectOf(tx, account);
    await updateLockout(tx, account.id, afterSuccessfulSignIn, now);
    return { kind: 'signed-in', subject, refresh: await startSession(tx, services, account, 'password') };
  });
  if (outcome.kind === 'failed') throw new AppError('sign-in-failed');
  if (outcome.kind === 'locked') throw new AppError('account-locked');

  if (candidate.passwordHash && needsRehash(candidate.passwordHash, params)) {
    await updatePasswordHash(services.prisma, candidate.id, await hashPassword(input.password, params), now);
  }
  return tokenPair(services, outcome.subject, outcome.refresh);
}
