import { bytesToNumberLE } from '@noble/curves/utils.js';
import { multiScalarMul, type MsmOptions } from '../group/msm.js';
import type { Point } from '../group/point.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { mod, mulScalars, type Scalar } from '../group/scalar.js';

/** One term s·P of a linear equation Σ sᵢ·Pᵢ = 0 over the group. */
export type Term = readonly [Scalar, Point];

/**
 * Batch verification of many group equations Σ sᵢ·Pᵢ = 0: each equation is multiplied by an
 * independent random 128-bit weight and all are summed into ONE multi-scalar multiplication.
 * If any equation is false, the sum is the identity with probability at most 2⁻¹²⁸.
 * Terms on the same point object are merged (g and the election key across all proofs, α and β
 * across the branches of one proof), so each distinct point enters the MSM once.
 */
export class BatchVerifier {
  /** Coefficient per point object: a point used in several equations (g, h, α, β) costs once. */
  private readonly terms = new Map<Point, Scalar>();
  private failed = false;
  private pool: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(
    _fixedBases: readonly Point[],
    private readonly random: RandomSource = systemRandom,
    /** Passed to {@link multiScalarMul} (`wasm: false`: noble's Pippenger, for comparisons). */
    private readonly msm: MsmOptions = {},
  ) {}

  /** Adds the equation Σ terms = 0. */
  addEquation(terms: readonly Term[]): void {
    if (this.offset + 16 > this.pool.length) {
      this.pool = this.random(4096); // one CSPRNG call per 256 equations
      this.offset = 0;
    }
    const z = bytesToNumberLE(this.pool.subarray(this.offset, (this.offset += 16))) | 1n;
    for (const [s, p] of terms) this.terms.set(p, mod((this.terms.get(p) ?? 0n) + mulScalars(z, s)));
  }

  /** Records a check that failed outside the group (e.g. a challenge sum). */
  fail(): void {
    this.failed = true;
  }

  /** True when every equation added holds (with overwhelming probability). */
  verify(): boolean {
    if (this.failed) return false;
    const points = [...this.terms.keys()];
    const scalars = [...this.terms.values()];
    if (points.length === 0) return true;
    return multiScalarMul(points, scalars, this.msm).is0();
  }
}
