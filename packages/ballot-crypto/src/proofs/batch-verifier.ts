import { bytesToNumberLE } from '@noble/curves/utils.js';
import { multiScalarMul } from '../group/msm.js';
import type { Point } from '../group/point.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { mod, mulScalars, type Scalar } from '../group/scalar.js';

/** One term s·P of a linear equation Σ sᵢ·Pᵢ = 0 over the group. */
export type Term = readonly [Scalar, Point];

/**
 * Batch verification of many group equations Σ sᵢ·Pᵢ = 0: each equation is multiplied by an
 * independent random 128-bit weight and all are summed into ONE multi-scalar multiplication.
 * If any equation is false, the sum is the identity with probability at most 2⁻¹²⁸.
 * Terms on "fixed" bases (g, the election key) are merged, so they cost one point in total.
 */
export class BatchVerifier {
  private readonly points: Point[] = [];
  private readonly scalars: Scalar[] = [];
  private readonly fixed = new Map<Point, Scalar>();
  private failed = false;

  constructor(
    private readonly fixedBases: readonly Point[],
    private readonly random: RandomSource = systemRandom,
  ) {}

  /** Adds the equation Σ terms = 0. */
  addEquation(terms: readonly Term[]): void {
    const z = bytesToNumberLE(this.random(16)) | 1n;
    for (const [s, p] of terms) {
      const w = mulScalars(z, s);
      if (this.fixedBases.includes(p)) this.fixed.set(p, mod((this.fixed.get(p) ?? 0n) + w));
      else {
        this.points.push(p);
        this.scalars.push(w);
      }
    }
  }

  /** Records a check that failed outside the group (e.g. a challenge sum). */
  fail(): void {
    this.failed = true;
  }

  /** True when every equation added holds (with overwhelming probability). */
  verify(): boolean {
    if (this.failed) return false;
    const points = [...this.points];
    const scalars = [...this.scalars];
    for (const [p, s] of this.fixed) {
      points.push(p);
      scalars.push(s);
    }
    if (points.length === 0) return true;
    return multiScalarMul(points, scalars).is0();
  }
}
