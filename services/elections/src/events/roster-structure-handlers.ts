import type { MessageHandlers } from '@konsey/service-kit';
import {
  endRosterOffice,
  recordBodyJoin,
  recordBodyLeave,
  rosterMemberExists,
  updateRosterMember,
  upsertRosterBody,
  upsertRosterOffice,
} from '../data/roster-structure-repository.js';
import type { Prisma } from '../generated/prisma/client.js';

/** Messages are not ordered; one that needs a member not yet known fails and is retried later. */
class NotYetKnown extends Error {
  constructor(what: string) {
    super(`${what} is not on the roster yet; retrying later`);
    this.name = 'NotYetKnown';
  }
}

/** Keep elections' copy of members, representatives, bodies and offices in step with membership. */
export const rosterStructureHandlers: MessageHandlers<Prisma.TransactionClient> = {
  'membership.member.updated': async (tx, { data }) => {
    if (
      !(await updateRosterMember(tx, data.memberId, { displayName: data.displayName, gender: data.gender }))
    ) {
      throw new NotYetKnown(`member ${data.memberId}`);
    }
  },
  'membership.representative.changed': async (tx, { data }) => {
    // Only the full (asil) representative votes, so only they shape the roster.
    if (data.seat !== 'full') return;
    const updated = await updateRosterMember(tx, data.memberId, {
      gender: data.gender,
      representativeName: data.displayName,
      representativeSince: data.effectiveFrom,
    });
    if (!updated) throw new NotYetKnown(`member ${data.memberId}`);
  },
  'membership.body.created': async (tx, { data }) => {
    await upsertRosterBody(tx, data);
  },
  'membership.body-membership.changed': async (tx, { data }) => {
    if (!(await rosterMemberExists(tx, data.memberId))) throw new NotYetKnown(`member ${data.memberId}`);
    if (data.change === 'joined') await recordBodyJoin(tx, data);
    else if ((await recordBodyLeave(tx, data)) === 0)
      throw new NotYetKnown(`membership of ${data.memberId} in ${data.bodyId}`);
  },
  'membership.office.assumed': async (tx, { data }) => {
    await upsertRosterOffice(tx, data);
  },
  'membership.office.ended': async (tx, { data }) => {
    if (!(await endRosterOffice(tx, data.officeRecordId, data.endedOn, data.reason))) {
      throw new NotYetKnown(`office record ${data.officeRecordId}`);
    }
  },
};
