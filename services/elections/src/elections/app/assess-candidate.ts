import type { BodyKind, Office } from '@konsey/contracts';
import { checkEligibility, type EligibilityResult } from '../../domain/check-eligibility.js';
import type { ReservedGender } from '../../domain/candidate-total.js';
import { settingsOf, type ElectionRow, type Tx } from '../data/election-repository.js';
import { electorateBodyKind, eligibilityFacts } from '../data/roster-facts.js';

/** Eligibility of a member for an election, by the domain's rule over the read model; undefined when unknown. */
export async function assessCandidate(
  tx: Tx,
  election: ElectionRow,
  memberId: string,
  slot: ReservedGender | null,
): Promise<EligibilityResult | undefined> {
  const candidate = await eligibilityFacts(tx, memberId, election.bodyId);
  if (!candidate) return undefined;
  const settings = settingsOf(election);
  return checkEligibility({
    candidate,
    election: {
      office: election.office as Office,
      bodyId: election.bodyId,
      electorateBodyKind: electorateBodyKind(election.office as Office, election.bodyKind as BodyKind),
      forTerm: { periodStart: election.periodStart, term: election.term === 2 ? 2 : 1 },
      ...(slot ? { slot } : {}),
    },
    settings: { maxTerms: settings.maxTerms, window: settings.window },
  });
}
