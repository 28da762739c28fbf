import type { MembershipTx } from '../../membership-prisma.js';

type Db = MembershipTx;

export type SignInMethod = 'password' | 'code';
export type RevokeReason = 'signed-out' | 'token-reused' | 'staff-revoked' | 'password-changed';

export interface RefreshTokenRecord {
  tokenHash: string;
  sessionId: string;
  expiresAt: Date;
  usedAt: Date | null;
  session: { id: string; accountId: string; expiresAt: Date; revokedAt: Date | null };
}

export async function insertSession(
  db: Db,
  session: { id: string; accountId: string; method: SignInMethod; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.authSession.create({ data: session });
}

export async function insertRefreshToken(
  db: Db,
  token: { tokenHash: string; sessionId: string; issuedAt: Date; expiresAt: Date },
): Promise<void> {
  await db.refreshToken.create({ data: token });
}

export async function findRefreshToken(db: Db, tokenHash: string): Promise<RefreshTokenRecord | undefined> {
  const row = await db.refreshToken.findUnique({
    where: { tokenHash },
    include: { session: { select: { id: true, accountId: true, expiresAt: true, revokedAt: true } } },
  });
  return row ?? undefined;
}

/** Mark a token used, once: false when another request used it first (the caller then treats it as reuse). */
export async function markRefreshTokenUsed(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  return (
    (await db.refreshToken.updateMany({ where: { tokenHash, usedAt: null }, data: { usedAt: now } }))
      .count === 1
  );
}

export async function revokeSession(
  db: Db,
  sessionId: string,
  reason: RevokeReason,
  now: Date,
): Promise<boolean> {
  return (
    (
      await db.authSession.updateMany({
        where: { id: sessionId, revokedAt: null },
        data: { revokedAt: now, revokedReason: reason },
      })
    ).count === 1
  );
}

export async function revokeSessionsOfAccount(
  db: Db,
  accountId: string,
  reason: RevokeReason,
  now: Date,
): Promise<number> {
  return (
    await db.authSession.updateMany({
      where: { accountId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    })
  ).count;
}
