import { type AllocateSeatsOptions, decideInRankOrder } from './allocate-seats.js';
import type { AllocationResult } from './allocation-result.js';
import type { CandidateTotal } from './candidate-total.js';
import { InvalidTallyError } from './invalid-tally-error.js';
import { rankCandidates } from './rank-candidates.js';

/** One revote round held among the tied of one {@link RevoteCall}: who stood, and their votes in it. */
export interface RevoteRound {
  /** The tied candidates who stood again: exactly those of a revote the allocation still calls for. */
  candidateIds: readonly string[];
  /** Each of them once, with the votes of the revote. */
  totals: readonly { candidateId: string; votes: number }[];
}

/** A candidate's rank key: first-round votes, then the votes of each revote they stood in, in order. */
type Key = number[];

function compareKeys(a: Key, b: Key): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1)
    if (a[index] !== b[index]) return b[index]! - a[index]!;
  return 0;
}

function sameKey(a: Key, b: Key): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function rankByKeys(candidates: readonly CandidateTotal[], keys: ReadonlyMap<string, Key>) {
  const ranked = rankCandidates({ candidates }).sort(
    (a, b) =>
      compareKeys(keys.get(a.candidateId)!, keys.get(b.candidateId)!) ||
      (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
  );
  const groups: { start: number; end: number }[] = [];
  let start = 0;
  for (let index = 1; index <= ranked.length; index += 1) {
    if (
      index < ranked.length &&
      sameKey(keys.get(ranked[index]!.candidateId)!, keys.get(ranked[start]!.candidateId)!)
    )
      continue;
    if (index - start >= 2) groups.push({ start, end: index });
    start = index;
  }
  return { ranked, groups };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((id, index) => id === [...b].sort()[index]);

/**
 * The allocation after revote rounds (DOMAIN.md, `tieBreak: "revote"`: a new round among the tied).
 *
 * The first round's totals are ranked as {@link allocateSeats} ranks them under `revote`; each revote
 * round must be held among exactly the tied candidates of a {@link RevoteCall} the allocation still
 * makes at that point (several calls may be outstanding: they are held one round each, in any order).
 * Within a tied group, more votes in its revote rank higher; the lists are then filled again from the
 * start under the same parity rule, so parity holds exactly as in a first-round allocation. Only the
 * order *within* a tied group ever changes: nobody moves across a first-round vote difference.
 *
 * A revote that ties again where it matters calls for another revote among those still tied (reported
 * in `revotes`, status `revote-required`); there is no fallback to a lot, as the council chose revotes.
 * Placements keep their first-round votes. A round that matches no outstanding call, or whose totals do
 * not name exactly its candidates, is refused with {@link InvalidTallyError}.
 */
export function applyRevotes(
  options: AllocateSeatsOptions,
  rounds: readonly RevoteRound[],
): AllocationResult {
  if (options.tieBreak !== 'revote')
    throw new InvalidTallyError('not-revote', 'revote rounds apply only under tieBreak revote');
  rankCandidates({ candidates: options.candidates });
  const keys = new Map<string, Key>(options.candidates.map((c) => [c.candidateId, [c.votes]]));
  const decide = () => {
    const { ranked, groups } = rankByKeys(options.candidates, keys);
    return decideInRankOrder(ranked, groups, options, undefined);
  };
  rounds.forEach((round, index) => {
    const outstanding = decide().revotes;
    if (!outstanding.some((call) => sameSet(call.candidateIds, round.candidateIds)))
      throw new InvalidTallyError(
        'revote-mismatch',
        `revote ${index + 1} among ${[...round.candidateIds].sort().join(', ')} matches no tie still to be decided`,
      );
    const seen = new Set<string>();
    for (const total of round.totals) {
      if (!round.candidateIds.includes(total.candidateId) || seen.has(total.candidateId))
        throw new InvalidTallyError(
          'revote-mismatch',
          `revote ${index + 1}: ${total.candidateId} is not a candidate of it, or appears twice`,
        );
      if (!Number.isInteger(total.votes) || total.votes < 0)
        throw new InvalidTallyError(
          'invalid-votes',
          `candidate ${total.candidateId} has ${total.votes} votes`,
        );
      seen.add(total.candidateId);
    }
    if (seen.size !== round.candidateIds.length)
      throw new InvalidTallyError('revote-mismatch', `revote ${index + 1}: a tied candidate has no total`);
    for (const total of round.totals) keys.get(total.candidateId)!.push(total.votes);
  });
  const result = decide();
  return {
    ...result,
    revotes: result.revotes.map((call) =>
      keys.get(call.candidateIds[0]!)!.length > 1
        ? {
            ...call,
            reason: {
              tr: `Yeniden oylamada eşitlik sürdü: ${call.reason.tr}`,
              en: `The tie held in the revote: ${call.reason.en}`,
            },
          }
        : call,
    ),
  };
}
