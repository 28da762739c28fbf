import type { NextRoundPurpose } from '../../domain/election-lifecycle.js';

/** What a round should be followed by, when its count decided nothing final. */
export interface NextRoundCall {
  purpose: NextRoundPurpose;
  /** Who stands in the next round. */
  candidateIds: string[];
  /** Candidates already through to the following President round, kept while the tied revote. */
  carriedIds: string[];
  /** For a President round, the round the next one counts as (1, 2 or 3). */
  presidentRound: number | null;
  /** For a revote of the run-off places: how many places the tied contest. */
  places: number | null;
}

/** The stored outcome of a round's count: final (a result exists) or calling for another round. */
export type RoundOutcome =
  { kind: 'final'; detail: unknown } | { kind: 'next-round'; next: NextRoundCall; detail: unknown };

/** Everything needed to open a round: the first, or one a count called for. */
export type RoundOpening = Omit<NextRoundCall, 'purpose'> & { purpose: NextRoundPurpose | 'first' };
