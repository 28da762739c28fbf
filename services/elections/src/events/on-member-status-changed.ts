import type { ParsedMessage } from '@konsey/contracts';
import { setRosterStatus } from '../data/roster-repository.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * A suspended or terminated member leaves the electorate. The admission is always published first, so
 * an unknown member here means the admission has not arrived yet: fail, and the retry will find it.
 */
export async function onMemberStatusChanged(
  tx: Prisma.TransactionClient,
  { data }: ParsedMessage<'membership.member.status-changed'>,
): Promise<void> {
  const updated = await setRosterStatus(tx, data.memberId, data.status);
  if (!updated) throw new Error(`member ${data.memberId} is not on the roster yet; retrying later`);
}
