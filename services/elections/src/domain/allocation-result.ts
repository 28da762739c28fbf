import type { Seat } from '@konsey/contracts';
import type { CandidateTotal, ReservedGender } from './candidate-total.js';
import type { LotDraw } from './draw-lots.js';
import type { Reason } from './reason.js';

/**
 * Why a candidate holds a place:
 * - `reserved`: the place was reserved for the candidate's gender (zipper slot or minimum share);
 * - `open`: the place was open to the candidate (no reservation, a share beyond the minimums, or a zipper
 *   place taken by a candidate of other or undisclosed gender, to whom no place is closed);
 * - `fill-from-others`: the reserved gender had no candidate left and the place was filled by votes.
 */
export type PlacementBasis = 'reserved' | 'open' | 'fill-from-others';

/** One filled place in the list of full members or of substitutes. */
export interface Placement extends CandidateTotal {
  /** 1-based place in its list; substitutes succeed in this order within their gender. */
  position: number;
  /**
   * The gender the place was reserved for, or null when it was open to all. A zipper place is reserved
   * for one gender against the other only: a candidate of other or undisclosed gender may hold it
   * (basis `open`), and a candidate of the other gender may hold it under `fill-from-others`.
   */
  reservedFor: ReservedGender | null;
  basis: PlacementBasis;
}

/** A place left empty: under `shortfall: leave-vacant`, or because no candidate was left at all. */
export interface Vacancy {
  seat: Seat;
  position: number;
  reservedFor: ReservedGender | null;
  reason: Reason;
}

/** One gender had fewer candidates than places reserved for it. */
export interface Shortfall {
  seat: Seat;
  gender: ReservedGender;
  /** How many reserved places that gender could not fill. */
  missing: number;
  resolution: 'filled-from-others' | 'left-vacant';
  reason: Reason;
}

/** A candidate with more votes passed over so that parity holds. */
export interface Displacement {
  seat: Seat;
  /** The candidate left out of the list despite more votes. */
  passedOver: CandidateTotal;
  /** The lowest-placed member of the list who got the place though with fewer votes. */
  inFavourOf: CandidateTotal & { position: number; reservedFor: ReservedGender | null };
  code: 'parity-zipper' | 'parity-min-share';
  reason: Reason;
}

/** A tie at a boundary that matters, sent to a new round under `tieBreak: revote`. */
export interface RevoteCall {
  /** The tied candidates who stand again, by id. */
  candidateIds: string[];
  votes: number;
  /** Full places whose holder depends on how the tie falls. */
  fullSeats: number;
  /** Substitute ranks whose holder depends on how the tie falls. */
  substituteRanks: number[];
  /** Every candidate whose outcome depends on the tie (may include untied candidates, e.g. via the zipper). */
  affectedCandidateIds: string[];
  reason: Reason;
}

/** The outcome of the seat allocation. */
export interface AllocationResult {
  /** `revote-required`: the lists are provisional until the revote rounds in `revotes` are held. */
  status: 'decided' | 'revote-required';
  elected: Placement[];
  substitutes: Placement[];
  vacancies: Vacancy[];
  shortfalls: Shortfall[];
  displacements: Displacement[];
  /** Every drawing of lots that decided something (tieBreak `lot`). */
  lots: LotDraw[];
  /** Every tie that must go to a new round (tieBreak `revote`). */
  revotes: RevoteCall[];
}
