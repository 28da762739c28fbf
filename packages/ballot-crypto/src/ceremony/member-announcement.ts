import type { Point } from '../group/point.js';
import type { SchnorrProof } from './schnorr-proof.js';

/** What a committee member publishes in round 1 of the key ceremony. */
export interface MemberAnnouncement {
  /** Member index, 1..n (the x at which polynomials are evaluated for this member). */
  readonly index: number;
  /** Long-term key for share encryption and signatures. */
  readonly authPublicKey: Point;
  /** K_j = g^(a_j) for each coefficient a_j of the member's polynomial. */
  readonly commitments: readonly Point[];
  /** Proof of knowledge of each a_j. */
  readonly proofs: readonly SchnorrProof[];
}
