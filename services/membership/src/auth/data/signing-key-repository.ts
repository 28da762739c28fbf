import type { JWK } from 'jose';
import type { MembershipTx } from '../../membership-prisma.js';
import type { ScheduledKey } from '../domain/key-schedule.js';

type Db = MembershipTx;

export interface StoredSigningKey extends ScheduledKey {
  publicJwk: JWK;
  /** Sealed private JWK; null once the key has retired. */
  sealedPrivateJwk: string | null;
}

export async function listSigningKeys(db: Db): Promise<StoredSigningKey[]> {
  const rows = await db.signingKey.findMany({ orderBy: { signsFrom: 'asc' } });
  return rows.map((row) => ({
    kid: row.kid,
    publicJwk: row.publicJwk as JWK,
    sealedPrivateJwk: row.privateJwk,
    publishedAt: row.publishedAt,
    signsFrom: row.signsFrom,
    retiresAt: row.retiresAt,
  }));
}

/** Serialise key creation and rotation between replicas (transaction-scoped advisory lock). */
export async function lockSigningKeys(db: Db): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('konsey-membership-signing-keys'))`;
}

export async function insertSigningKey(
  db: Db,
  key: { kid: string; publicJwk: JWK; sealedPrivateJwk: string; publishedAt: Date; signsFrom: Date },
): Promise<void> {
  await db.signingKey.create({
    data: {
      kid: key.kid,
      publicJwk: key.publicJwk as object,
      privateJwk: key.sealedPrivateJwk,
      publishedAt: key.publishedAt,
      signsFrom: key.signsFrom,
    },
  });
}

/** Every key still signing (or due to sign) stops at `at`, when the new key takes over. */
export async function retireKeysAt(db: Db, at: Date): Promise<void> {
  await db.signingKey.updateMany({
    where: { OR: [{ retiresAt: null }, { retiresAt: { gt: at } }], signsFrom: { lt: at } },
    data: { retiresAt: at },
  });
}

/** Forget the private half of keys that no longer sign. */
export async function clearRetiredPrivateKeys(db: Db, now: Date): Promise<void> {
  await db.signingKey.updateMany({
    where: { retiresAt: { lte: now }, privateJwk: { not: null } },
    data: { privateJwk: null },
  });
}
