import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import { assertCommittee, type Caller } from './ceremony.js';

/**
 * Live figures of the ballot box for the committee and operations: counts of ballots by state and
 * turnout against the frozen roll. Never partial results: nothing here depends on a ballot's content.
 */
export interface BallotFigures {
  electionId: string;
  round: number;
  status: string;
  /** Every ballot stored (each is on the board): cast = verified + refused + backlog. */
  cast: number;
  /** Proofs checked and valid: accepted now, or superseded by a later ballot of the same voter. */
  verified: number;
  accepted: number;
  superseded: number;
  refused: number;
  /** Received, proofs not yet checked. */
  backlog: number;
  turnout: { voters: number; roll: number; rate: number };
}

/** Staff and operators see any election; a committee member only their own. */
export async function ballotFigures(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
): Promise<BallotFigures> {
  return prisma.$transaction(async (tx) => {
    const election = await tx.election.findUnique({
      where: { id: electionId },
      select: { round: true, status: true },
    });
    if (!election) throw fail('not-found', `no election ${electionId}`);
    if (!caller.roles.some((role) => role === 'staff' || role === 'operator'))
      await assertCommittee(tx, electionId, caller);
    const rows = await tx.$queryRaw<
      {
        cast: number;
        accepted: number;
        superseded: number;
        refused: number;
        backlog: number;
        voters: number;
        roll: number;
      }[]
    >`
      SELECT count(*)::int AS cast,
             count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE status = 'superseded')::int AS superseded,
             count(*) FILTER (WHERE status = 'refused')::int AS refused,
             count(*) FILTER (WHERE status = 'received')::int AS backlog,
             count(DISTINCT member_id) FILTER (WHERE status <> 'refused')::int AS voters,
             (SELECT count(*)::int FROM election_roll WHERE election_id = ${electionId}::uuid) AS roll
      FROM ballots WHERE election_id = ${electionId}::uuid AND round = ${election.round}`;
    const f = rows[0]!;
    return {
      electionId,
      round: election.round,
      status: election.status,
      cast: f.cast,
      verified: f.accepted + f.superseded,
      accepted: f.accepted,
      superseded: f.superseded,
      refused: f.refused,
      backlog: f.backlog,
      turnout: {
        voters: f.voters,
        roll: f.roll,
        rate: f.roll === 0 ? 0 : Math.round((f.voters / f.roll) * 10_000) / 10_000,
      },
    };
  });
}
