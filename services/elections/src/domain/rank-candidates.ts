import type { CandidateTotal } from './candidate-total.js';
import { compareLotKeys, lotKey } from './draw-lots.js';
import { InvalidTallyError } from './invalid-tally-error.js';

/**
 * Candidates in rank order: most votes first; equal votes by the lot key when a seed is given (see
 * `drawLots`), otherwise by candidate id in code-unit order (a provisional order, used with `revote`).
 * The order never depends on the order of the input. Duplicate ids and votes that are not
 * non-negative integers are refused.
 */
export function rankCandidates(options: {
  candidates: readonly CandidateTotal[];
  lotSeed?: string;
}): CandidateTotal[] {
  const seen = new Set<string>();
  for (const candidate of options.candidates) {
    if (seen.has(candidate.candidateId))
      throw new InvalidTallyError('duplicate-candidate', `candidate ${candidate.candidateId} appears twice`);
    seen.add(candidate.candidateId);
    if (!Number.isInteger(candidate.votes) || candidate.votes < 0)
      throw new InvalidTallyError(
        'invalid-votes',
        `candidate ${candidate.candidateId} has ${candidate.votes} votes`,
      );
  }
  const { lotSeed } = options;
  const keyed = options.candidates.map((candidate) => ({
    candidate,
    id: candidate.candidateId,
    key: lotSeed === undefined ? '' : lotKey(lotSeed, candidate.candidateId),
  }));
  keyed.sort((a, b) => b.candidate.votes - a.candidate.votes || compareLotKeys(a, b));
  return keyed.map(({ candidate }) => candidate);
}
