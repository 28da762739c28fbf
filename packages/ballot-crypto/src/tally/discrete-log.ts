import { ed25519 } from '@noble/curves/ed25519.js';
import { edwardsOf } from '../group/edwards-of.js';
import { G, IDENTITY, type Point } from '../group/point.js';

const Fp = ed25519.Point.Fp;

/**
 * A key that does not depend on the Edwards representative of a ristretto255 element: (x·y)² of
 * the affine representative is invariant under the 4-torsion (x, y) ↦ (−x, −y), (y·i, x·i)… that
 * ristretto quotients out, and under negation. A key match is therefore confirmed with a real
 * ristretto equality, which also tells +i from −i.
 */
function keys(points: readonly Point[]): bigint[] {
  const eps = points.map(edwardsOf);
  const zInv = Fp.invertBatch(eps.map((e) => e.Z));
  return eps.map((e, n) => Fp.sqr(Fp.mul(e.T, zInv[n]!)));
}

/**
 * Baby-step giant-step solver for g^t with 0 ≤ t ≤ max, sized by the roll and built once (share
 * one solver across all options and calls). Baby steps i·g for i ∈ [0, m], m ≈ 2·√(max+1), are
 * keyed by a representative-independent field element (no ristretto encoding, which costs an
 * inverse square root per point); each giant step covers 2m+1 values (t = j·(2m+1) ± i), and the
 * giant steps of all the options being solved share one batched inversion.
 */
export class DiscreteLogSolver {
  private readonly table = new Map<bigint, number>();
  private readonly babies: Point[] = [];
  private readonly stride: Point;
  private readonly span: number;
  private readonly steps: number;

  constructor(readonly max: number) {
    const m = Math.max(4, Math.ceil(2 * Math.sqrt(max + 1)));
    let p = IDENTITY;
    for (let i = 0; i <= m; i++) {
      this.babies.push(p);
      p = p.add(G);
    }
    keys(this.babies).forEach((k, i) => {
      if (!this.table.has(k)) this.table.set(k, i);
    });
    this.span = 2 * m + 1;
    this.stride = G.multiplyUnsafe(BigInt(this.span)).negate(); // g^−(2m+1)
    this.steps = Math.ceil((max + m) / this.span) + 1;
  }

  /** t with g^t = y, or undefined if none in [0, max]. */
  solve(y: Point): number | undefined {
    return this.solveMany([y])[0];
  }

  /** {@link DiscreteLogSolver.solve} for many points, with one batched inversion for all giant steps. */
  solveMany(ys: readonly Point[]): (number | undefined)[] {
    const giants: Point[] = [];
    for (const y of ys) {
      let gamma = y;
      for (let j = 0; j < this.steps; j++) {
        giants.push(gamma);
        gamma = gamma.add(this.stride);
      }
    }
    const ks = keys(giants);
    return ys.map((_, n) => {
      for (let j = 0; j < this.steps; j++) {
        const i = this.table.get(ks[n * this.steps + j]!);
        if (i === undefined) continue;
        const gamma = giants[n * this.steps + j]!;
        const baby = this.babies[i]!;
        const t = gamma.equals(baby)
          ? j * this.span + i
          : gamma.equals(baby.negate())
            ? j * this.span - i
            : undefined;
        if (t !== undefined) return t >= 0 && t <= this.max ? t : undefined;
      }
      return undefined;
    });
  }
}
