import type { Point } from '../group/point.js';
import type { Scalar } from '../group/scalar.js';

/** One branch commitment (a, b) of a disjunctive Chaum–Pedersen proof. */
export interface BranchCommitment {
  readonly a: Point;
  readonly b: Point;
}

/**
 * Disjunctive Chaum–Pedersen proof that (α, β) encrypts some m in [lo, hi]: one branch per value,
 * stored in value order. Verifies when, for every branch j,
 * `g^vⱼ = aⱼ·α^cⱼ`, `h^vⱼ = bⱼ·(β·g^−j)^cⱼ`, and `Σ cⱼ = H(binding, h, α, β, lo, hi, a, b…)`.
 * Commitments are kept (not only challenges) so many proofs can be checked in one batch.
 */
export interface RangeProof {
  readonly commitments: readonly BranchCommitment[];
  readonly challenges: readonly Scalar[];
  readonly responses: readonly Scalar[];
}
