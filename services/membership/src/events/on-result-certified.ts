import type { ParsedMessage } from '@konsey/contracts';
import { publishEvent } from '@konsey/service-kit';
import { existingIds, insertOfficeRecord, officeRecordsOfElection } from '../data/office-repository.js';
import type { MembershipTx } from '../membership-prisma.js';

/**
 * A certified result becomes the offices held for the term, which term limits are counted from. Each
 * election is recorded once, even if the result arrives again.
 */
export async function onResultCertified(
  tx: MembershipTx,
  { data }: ParsedMessage<'elections.result.certified'>,
): Promise<void> {
  if ((await officeRecordsOfElection(tx, data.electionId)).length > 0) return;
  const members = await existingIds(
    tx,
    'members',
    data.elected.map((elected) => elected.memberId),
  );
  const unknown = data.elected.filter((elected) => !members.has(elected.memberId));
  if (unknown.length)
    throw new Error(
      `certified result names members unknown here: ${unknown.map((u) => u.memberId).join(', ')}`,
    );
  if ((await existingIds(tx, 'bodies', [data.bodyId])).size === 0)
    throw new Error(`certified result names an unknown body ${data.bodyId}`);
  for (const elected of data.elected) {
    const record = {
      memberId: elected.memberId,
      bodyId: data.bodyId,
      office: data.office,
      seat: elected.seat,
      periodStart: data.periodStart,
      term: data.term,
      from: data.termStart,
      to: data.termEnd,
      source: 'election' as const,
      electionId: data.electionId,
    };
    const officeRecordId = await insertOfficeRecord(tx, record);
    await publishEvent(tx, {
      type: 'membership.office.assumed',
      data: {
        officeRecordId,
        memberId: elected.memberId,
        office: data.office,
        bodyId: data.bodyId,
        seat: elected.seat,
        periodStart: data.periodStart,
        term: data.term,
        from: data.termStart,
        to: data.termEnd,
      },
    });
  }
}
