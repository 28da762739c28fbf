import type { ChaumPedersenProof } from '../proofs/chaum-pedersen-proof.js';
import type { Point } from '../group/point.js';

/** One member's decryption share M = A^(s_ℓ) of one option's aggregate, with its proof. */
export interface DecryptionShare {
  readonly share: Point;
  readonly proof: ChaumPedersenProof;
}

/** What a present committee member publishes at the tally. */
export interface PartialDecryption {
  readonly memberIndex: number;
  /** Per contest, per option. */
  readonly shares: readonly (readonly DecryptionShare[])[];
}
