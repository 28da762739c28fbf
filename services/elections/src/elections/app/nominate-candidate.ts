import { randomUUID } from 'node:crypto';
import { publishEvent } from '@konsey/service-kit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ReservedGender } from '../../domain/candidate-total.js';
import { committeeOf, lockElection, recordAudit } from '../data/election-repository.js';
import { assessCandidate } from './assess-candidate.js';
import { isStaff, type Caller } from './caller.js';
import { ElectionRefusal, refuse } from './election-refusal.js';
import { reasonsOf } from './recompute-eligibility.js';

export interface CandidacyView {
  memberId: string;
  slot: string | null;
  status: string;
  eligible: boolean;
  refusals: unknown;
  nominatedBy: string;
  checkedAt: string;
}

/**
 * Nominate a member while the candidacy window is open: the member themself, staff, or a member of the
 * election's committee. Eligibility is the domain's rule over the read model; an ineligible member is
 * refused with every reason (the term limit names the terms held) and nothing is stored.
 */
export async function nominateCandidate(
  prisma: PrismaClient,
  options: {
    electionId: string;
    memberId: string;
    slot?: ReservedGender | undefined;
    caller: Caller;
    now: Date;
  },
): Promise<CandidacyView> {
  const { caller, memberId } = options;
  return prisma.$transaction(async (tx) => {
    const election = await lockElection(tx, options.electionId);
    const byOthers =
      isStaff(caller) ||
      (caller.roles.includes('election-committee') &&
        (await committeeOf(tx, election.id)).includes(caller.subject));
    if (!byOthers && caller.subject !== memberId)
      throw refuse(
        'candidacy-not-own',
        'Üyeler yalnızca kendilerini aday gösterebilir',
        'Members may nominate only themselves',
      );
    if (election.status !== 'candidacy-open')
      throw refuse(
        'candidacy-window-closed',
        `Seçim "${election.status}" durumunda; adaylık yalnızca "candidacy-open" durumunda alınır`,
        `The election is ${election.status}; candidacies are taken only while it is candidacy-open`,
      );
    if (
      await tx.electionCandidacy.findUnique({
        where: { electionId_memberId: { electionId: election.id, memberId } },
      })
    )
      throw refuse(
        'candidacy-exists',
        `${memberId} için adaylık zaten var`,
        `${memberId} already has a candidacy`,
      );
    const result = await assessCandidate(tx, election, memberId, options.slot ?? null);
    if (!result)
      throw refuse(
        'candidate-not-on-roll',
        `${memberId} üye listesinde yok`,
        `${memberId} is not on the roll`,
        [
          {
            field: 'body.memberId',
            code: 'not-on-roll',
            reason: { tr: 'Üye listesinde yok', en: 'Not on the roll' },
          },
        ],
      );
    if (!result.eligible)
      throw new ElectionRefusal(
        'candidate-ineligible',
        {
          tr: result.refusals.map((refusal) => refusal.reason.tr).join('; '),
          en: result.refusals.map((refusal) => refusal.reason.en).join('; '),
        },
        result.refusals.map((refusal) => ({
          field: 'body.memberId',
          code: refusal.code,
          reason: refusal.reason,
        })),
      );
    const row = await tx.electionCandidacy.create({
      data: {
        id: randomUUID(),
        electionId: election.id,
        memberId,
        slot: options.slot ?? null,
        nominatedBy: caller.subject,
        status: 'standing',
        eligible: true,
        refusals: reasonsOf([]),
        checkedAt: options.now,
      },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: caller.subject,
      action: 'candidacy-nominated',
      details: { memberId, slot: options.slot ?? null, eligible: true },
      at: options.now,
    });
    await publishEvent(tx, {
      type: 'elections.candidacy.decided',
      data: { electionId: election.id, memberId, eligible: true, reasons: [] },
    });
    return candidacyView(row);
  });
}

export function candidacyView(row: {
  memberId: string;
  slot: string | null;
  status: string;
  eligible: boolean;
  refusals: unknown;
  nominatedBy: string;
  checkedAt: Date;
}): CandidacyView {
  return {
    memberId: row.memberId,
    slot: row.slot,
    status: row.status,
    eligible: row.eligible,
    refusals: row.refusals,
    nominatedBy: row.nominatedBy,
    checkedAt: row.checkedAt.toISOString(),
  };
}
