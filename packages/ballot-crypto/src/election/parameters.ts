import { InvalidInputError } from '../errors.js';

/** Cryptographic parameters of an election. */
export interface ElectionParameters {
  /** k: how many committee members must cooperate to decrypt. */
  readonly threshold: number;
  /** n: committee size; members are numbered 1..n. */
  readonly memberCount: number;
  /** Size of the electoral roll: bounds every total, sizes the discrete-log search. */
  readonly maxBallots: number;
}

/** Throws {@link InvalidInputError} unless 1 ≤ k ≤ n ≤ 255 and the roll is a positive integer. */
export function validateParameters(p: ElectionParameters): void {
  if (!Number.isInteger(p.threshold) || !Number.isInteger(p.memberCount) || p.threshold < 1 || p.threshold > p.memberCount || p.memberCount > 255) {
    throw new InvalidInputError(`parameters: need 1 ≤ threshold (${p.threshold}) ≤ memberCount (${p.memberCount}) ≤ 255`);
  }
  if (!Number.isInteger(p.maxBallots) || p.maxBallots < 1 || p.maxBallots > 100_000_000) {
    throw new InvalidInputError(`parameters: maxBallots must be an integer in [1, 1e8], got ${p.maxBallots}`);
  }
}
