import type { Prisma } from '../../generated/prisma/client.js';
import { findCurrentStay } from '../data/attendance-repository.js';

/** Whether the member is checked in at the sitting now (for an institution: its representative is). */
export async function isPresent(
  db: Prisma.TransactionClient,
  sittingId: string,
  memberId: string,
): Promise<boolean> {
  return (await findCurrentStay(db, sittingId, memberId)) !== null;
}
