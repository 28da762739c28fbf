import type { PrismaClient } from '../../generated/prisma/client.js';
import { committeeOf, findElection } from '../data/election-repository.js';
import { candidacyView } from './nominate-candidate.js';
import { electionView } from './election-view.js';
import { objectionView } from './objections.js';

/**
 * The complete record of an election, for objections and courts: settings, frozen roll, candidacies with
 * eligibility, objections and decisions, rounds and totals, the result with its hash, the committee's
 * approvals and the audit trail. The lot seed appears once the count is done.
 */
export async function electionRecord(prisma: PrismaClient, electionId: string) {
  const election = await findElection(prisma, electionId);
  const where = { electionId };
  const [committee, roll, candidacies, objections, rounds, result, approvals, audit] = await Promise.all([
    committeeOf(prisma, electionId),
    prisma.electionRollEntry.findMany({ where, orderBy: { memberId: 'asc' } }),
    prisma.electionCandidacy.findMany({ where, orderBy: { createdAt: 'asc' } }),
    prisma.electionObjection.findMany({ where, orderBy: { filedAt: 'asc' } }),
    prisma.electionRound.findMany({ where, orderBy: { round: 'asc' } }),
    prisma.electionResult.findUnique({ where }),
    prisma.electionApproval.findMany({ where, orderBy: { approvedAt: 'asc' } }),
    prisma.electionAudit.findMany({ where, orderBy: { seq: 'asc' } }),
  ]);
  return {
    election: electionView(election, { memberIds: committee }),
    roll: {
      frozenAt: election.rollFrozenAt?.toISOString() ?? null,
      size: election.registered,
      members: roll.map((entry) => ({
        memberId: entry.memberId,
        kind: entry.kind,
        votingGender: entry.votingGender,
        displayName: entry.displayName,
      })),
    },
    candidacies: candidacies.map(candidacyView),
    objections: objections.map(objectionView),
    rounds: rounds.map((round) => ({
      round: round.round,
      purpose: round.purpose,
      presidentRound: round.presidentRound,
      candidateIds: round.candidateIds,
      openedAt: round.openedAt.toISOString(),
      closedAt: round.closedAt?.toISOString() ?? null,
      ballotsCast: round.ballotsCast,
      blankBallots: round.blankBallots,
      invalidBallots: round.invalidBallots,
      present: round.present,
      totals: round.totals,
      decision: round.decision,
      talliedBy: round.talliedBy,
      talliedAt: round.talliedAt?.toISOString() ?? null,
    })),
    result: result
      ? {
          sha256: result.hash,
          hashOf: 'canonical JSON of content (keys sorted, no whitespace)',
          content: result.content,
        }
      : null,
    certification: {
      certifiedAt: election.certifiedAt?.toISOString() ?? null,
      /** Nobody elected, every seat vacant: certified without `elections.result.certified`. */
      nobodyElected: result ? (result.content as { elected?: unknown[] }).elected?.length === 0 : null,
      resultEventPublished:
        election.status === 'certified' &&
        (result?.content as { elected?: unknown[] } | undefined)?.elected?.length
          ? true
          : false,
    },
    approvals: approvals.map((approval) => ({
      memberId: approval.memberId,
      resultSha256: approval.resultHash,
      statement: approval.statement,
      tokenId: approval.tokenId,
      approvedAt: approval.approvedAt.toISOString(),
    })),
    audit: audit.map((entry) => ({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      from: entry.fromStatus,
      to: entry.toStatus,
      round: entry.round,
      reason: entry.reason,
      details: entry.details,
    })),
  };
}

export type ElectionRecord = Awaited<ReturnType<typeof electionRecord>>;
