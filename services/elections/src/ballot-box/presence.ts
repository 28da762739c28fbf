import type { BodyKind, Office } from '@konsey/contracts';
import type { PrismaClient } from '../generated/prisma/client.js';
import { electorateBodyKind } from '../elections/data/roster-facts.js';
import { isPresent } from '../sittings/app/is-present.js';
import { fail } from './ballot-box-errors.js';
import { assertCommittee, type Caller, type Tx } from './ceremony.js';

const BEFORE_VOTING = ['draft', 'announced', 'candidacy-open', 'candidacy-closed', 'roll-frozen', 'tallied'];

/**
 * The committee decides that voting is in person (or not, with null): only members checked in at this
 * sitting of the election's body, and still in the room, obtain a credential and cast. Set while no
 * round is being voted.
 */
export async function setPresence(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  sittingId: string | null,
) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const election = await tx.election.findUnique({
      where: { id: electionId },
      select: { status: true, bodyId: true, office: true },
    });
    if (!election) throw fail('not-found', `no election ${electionId}`);
    if (!BEFORE_VOTING.includes(election.status))
      throw fail(
        'ballot-box-election-state',
        `voting in person is set while no round is being voted (election is ${election.status})`,
      );
    if (sittingId) {
      const sitting = await tx.sitting.findUnique({
        where: { sittingId },
        select: { bodyId: true, status: true },
      });
      if (!sitting || sitting.status === 'closed' || !(await votesIn(tx, election, sitting.bodyId)))
        throw fail(
          'ballot-presence-sitting-invalid',
          `sitting ${sittingId} is not a scheduled or open sitting of the body that votes in this election`,
        );
    }
    const box = await tx.ballotBox.upsert({
      where: { electionId },
      create: { electionId, recast: 'one', sittingId },
      update: { sittingId, updatedAt: new Date() },
    });
    return { electionId, sittingId: box.sittingId };
  });
}

/**
 * The body whose sitting the voters attend: the election's own body, or the General Assembly for the
 * offices it elects (the President, the Executive Board).
 */
async function votesIn(
  tx: Tx,
  election: { bodyId: string; office: string },
  sittingBodyId: string,
): Promise<boolean> {
  if (sittingBodyId === election.bodyId) return true;
  const [own, sittings] = await Promise.all([
    tx.rosterBody.findUnique({ where: { bodyId: election.bodyId }, select: { kind: true } }),
    tx.rosterBody.findUnique({ where: { bodyId: sittingBodyId }, select: { kind: true } }),
  ]);
  if (!own || sittings?.kind !== 'general-assembly') return false;
  return electorateBodyKind(election.office as Office, own.kind as BodyKind) === 'general-assembly';
}

/** Under voting in person, the member must be checked in at the sitting now. */
export async function assertPresentIfRequired(
  tx: Tx,
  electionId: string,
  memberId: string,
  sittingId?: string | null,
) {
  const required =
    sittingId === undefined
      ? (await tx.ballotBox.findUnique({ where: { electionId }, select: { sittingId: true } }))?.sittingId
      : sittingId;
  if (required && !(await isPresent(tx, required, memberId)))
    throw fail('voter-not-present', `${memberId} is not checked in at sitting ${required}`);
}
