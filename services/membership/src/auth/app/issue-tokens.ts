import { randomUUID } from 'node:crypto';
import type { TokenSubject } from '@konsey/service-kit';
import { AppError } from '@konsey/service-kit';
import type { MembershipTx } from '../../membership-prisma.js';
import { addSeconds } from '../domain/clock.js';
import { newRefreshToken } from '../domain/refresh-token.js';
import { currentBodiesOfMember, memberStatusOf, type AccountRecord } from '../data/account-repository.js';
import { insertRefreshToken, insertSession, type SignInMethod } from '../data/session-repository.js';
import type { AuthServices } from './auth-services.js';

/** What a successful sign-in or refresh answers. */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds until the refresh token expires (unless used first). */
  refreshExpiresIn: number;
}

export interface IssuedRefreshToken {
  token: string;
  /** Seconds from issue to expiry. */
  ttlSeconds: number;
}

/**
 * The claims of an account's next access token, read fresh each time: a role granted or withdrawn shows
 * in the next token. Refuses accounts that may not sign in (disabled, without roles, membership ended).
 */
export async function tokenSubjectOf(db: MembershipTx, account: AccountRecord): Promise<TokenSubject> {
  if (account.disabledAt || account.roles.length === 0) throw new AppError('account-disabled');
  let bodies: string[] = [];
  if (account.kind === 'member') {
    if ((await memberStatusOf(db, account.memberId!)) === 'terminated')
      throw new AppError('account-disabled');
    bodies = await currentBodiesOfMember(db, account.memberId!);
  }
  return {
    sub: account.kind === 'member' ? account.memberId! : account.id,
    roles: account.roles,
    bodies,
    lang: account.language,
  };
}

/** Start a refresh-token family for a sign-in. */
export async function startSession(
  tx: MembershipTx,
  services: AuthServices,
  account: AccountRecord,
  method: SignInMethod,
): Promise<IssuedRefreshToken> {
  const now = services.clock();
  const sessionId = randomUUID();
  const sessionExpiresAt = addSeconds(now, services.config.AUTH_SESSION_MAX_AGE_SECONDS);
  await insertSession(tx, {
    id: sessionId,
    accountId: account.id,
    method,
    createdAt: now,
    expiresAt: sessionExpiresAt,
  });
  return issueRefreshToken(tx, services, sessionId, sessionExpiresAt);
}

/** A new refresh token in a session; it never outlives the session. */
export async function issueRefreshToken(
  tx: MembershipTx,
  services: AuthServices,
  sessionId: string,
  sessionExpiresAt: Date,
): Promise<IssuedRefreshToken> {
  const now = services.clock();
  const { token, hash } = newRefreshToken();
  const idleExpiry = addSeconds(now, services.config.AUTH_REFRESH_TTL_SECONDS);
  const expiresAt = idleExpiry < sessionExpiresAt ? idleExpiry : sessionExpiresAt;
  await insertRefreshToken(tx, { tokenHash: hash, sessionId, issuedAt: now, expiresAt });
  return { token, ttlSeconds: Math.round((expiresAt.getTime() - now.getTime()) / 1_000) };
}

/** Sign the access token (after the transaction has committed) and pair it with the refresh token. */
export async function tokenPair(
  services: AuthServices,
  subject: TokenSubject,
  refresh: IssuedRefreshToken,
): Promise<TokenPair> {
  const ttl = services.config.AUTH_ACCESS_TTL_SECONDS;
  return {
    accessToken: await services.keyring.sign({ ...subject, ttlSeconds: ttl }),
    tokenType: 'Bearer',
    expiresIn: ttl,
    refreshToken: refresh.token,
    refreshExpiresIn: refresh.ttlSeconds,
  };
}
