import type { ParsedMessage } from '@konsey/contracts';
import { upsertRosterMember } from '../data/roster-repository.js';
import type { Prisma } from '../generated/prisma/client.js';

/** A new member joins the roll that eligibility and the voter roll are computed from. */
export async function onMemberAdmitted(
  tx: Prisma.TransactionClient,
  { data }: ParsedMessage<'membership.member.admitted'>,
): Promise<void> {
  await upsertRosterMember(tx, {
    memberId: data.memberId,
    kind: data.kind,
    displayName: data.displayName,
    gender: data.gender,
    admittedAt: new Date(data.admittedAt),
  });
}
