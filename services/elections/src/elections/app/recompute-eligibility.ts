import { publishEvent } from '@konsey/service-kit';
import type { ReservedGender } from '../../domain/candidate-total.js';
import type { Ineligibility } from '../../domain/check-eligibility.js';
import { recordAudit, type ElectionRow, type Tx } from '../data/election-repository.js';
import { assessCandidate } from './assess-candidate.js';

/** Reasons as events and the record carry them: code beside the Turkish and English sentence. */
export const reasonsOf = (refusals: readonly Ineligibility[]) =>
  refusals.map((refusal) => ({ code: refusal.code, ...refusal.reason }));

/**
 * Recompute the eligibility of every standing candidate from the read model (a member suspended or an
 * office recorded since the nomination). Each change is stored, audited and announced with
 * `elections.candidacy.decided`. Returns how many changed.
 */
export async function recomputeEligibility(
  tx: Tx,
  election: ElectionRow,
  options: { actor: string; now: Date },
): Promise<{ checked: number; changed: number }> {
  const candidacies = await tx.electionCandidacy.findMany({
    where: { electionId: election.id, status: 'standing' },
    orderBy: { createdAt: 'asc' },
  });
  let changed = 0;
  for (const candidacy of candidacies) {
    const result = await assessCandidate(
      tx,
      election,
      candidacy.memberId,
      candidacy.slot as ReservedGender | null,
    );
    const refusals = result === undefined ? [] : result.eligible ? [] : reasonsOf(result.refusals);
    const eligible = result?.eligible ?? false;
    const stored = JSON.stringify(candidacy.refusals);
    await tx.electionCandidacy.update({
      where: { id: candidacy.id },
      data: { eligible, refusals, checkedAt: options.now },
    });
    if (eligible === candidacy.eligible && JSON.stringify(refusals) === stored) continue;
    changed += 1;
    await recordAudit(tx, {
      electionId: election.id,
      actor: options.actor,
      action: 'eligibility-changed',
      reason: refusals.map((refusal) => refusal.tr).join('; ') || 'uygun',
      details: { memberId: candidacy.memberId, eligible, refusals },
    });
    await publishEvent(tx, {
      type: 'elections.candidacy.decided',
      data: { electionId: election.id, memberId: candidacy.memberId, eligible, reasons: refusals },
    });
  }
  return { checked: candidacies.length, changed };
}
