import type { MembershipTx } from '../../membership-prisma.js';

type Db = MembershipTx;

export type CodeChannel = 'email' | 'sms';

export interface SignInCodeRecord {
  id: string;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
}

export async function insertSignInCode(
  db: Db,
  code: { id: string; accountId: string; codeHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.signInCode.create({ data: code });
}

/** A new code replaces the ones before it. */
export async function retireOpenCodes(db: Db, accountId: string, now: Date): Promise<void> {
  await db.signInCode.updateMany({ where: { accountId, consumedAt: null }, data: { consumedAt: now } });
}

export async function countCodesSince(db: Db, accountId: string, since: Date): Promise<number> {
  return db.signInCode.count({ where: { accountId, createdAt: { gte: since } } });
}

/** The account's open code (unused, unexpired, attempts left), locked for this transaction. */
export async function lockOpenCode(
  db: Db,
  accountId: string,
  now: Date,
  maxAttempts: number,
): Promise<SignInCodeRecord | undefined> {
  const rows = await db.$queryRaw<{ id: string; code_hash: string; expires_at: Date; attempts: number }[]>`
    SELECT id, code_hash, expires_at, attempts FROM sign_in_codes
     WHERE account_id = ${accountId}::uuid AND consumed_at IS NULL AND expires_at > ${now} AND attempts < ${maxAttempts}
     ORDER BY created_at DESC LIMIT 1 FOR UPDATE`;
  const row = rows[0];
  return row
    ? { id: row.id, codeHash: row.code_hash, expiresAt: row.expires_at, attempts: row.attempts }
    : undefined;
}

export async function recordCodeAttempt(db: Db, id: string): Promise<void> {
  await db.signInCode.update({ where: { id }, data: { attempts: { increment: 1 } } });
}

export async function consumeCode(db: Db, id: string, now: Date): Promise<void> {
  await db.signInCode.update({ where: { id }, data: { consumedAt: now } });
}

/** A request for notifications to deliver a code: who and how, never the code. */
export async function insertCodeDelivery(
  db: Db,
  delivery: { id: string; accountId: string; channel: CodeChannel; createdAt: Date },
): Promise<void> {
  await db.signInCodeDelivery.create({ data: delivery });
}
