import type { Prisma } from '../../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export function findOpenSitting(db: Db, bodyId: string) {
  return db.sitting.findFirst({ where: { bodyId, status: 'open' } });
}

export function findSitting(db: Db, sittingId: string) {
  return db.sitting.findUnique({ where: { sittingId } });
}

export type SittingRow = NonNullable<Awaited<ReturnType<typeof findSitting>>>;

/** Read a sitting and hold its row until the transaction ends: attendance changes one at a time. */
export async function lockSitting(db: Db, sittingId: string) {
  await db.$queryRaw`SELECT 1 FROM "sittings" WHERE "sitting_id" = ${sittingId}::uuid FOR UPDATE`;
  return db.sitting.findUnique({ where: { sittingId } });
}

/**
 * Serialise work on one body's sittings and polls until the transaction ends (opening a sitting, and
 * recording a poll that may attach to it, must not miss each other).
 */
export async function lockBody(db: Db, bodyId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sittings:${bodyId}`}, 0))`;
}
