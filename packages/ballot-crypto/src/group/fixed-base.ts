import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { edwardsOf } from './edwards-of.js';
import type { Point } from './point.js';

/**
 * Fixed-base multiplication k·B for a base used many times (g, the election key h), with SECRET
 * scalars. Signed 6-bit windows: k = Σ dᵢ·2^(6i), dᵢ ∈ [−32, 32], 44 windows; window i has a table
 * of |d|·2^(6i)·B for |d| = 0..32 in affine "Niels" form (y+x, y−x, 2d·x·y). The operation sequence
 * does not depend on the scalar: every window reads all 33 entries of its table (the one used is
 * kept by a comparison, as noble's own kernel does), computes the negated entry, keeps one of the
 * two, and performs exactly one mixed addition (digit 0 adds the identity entry; the formula is
 * complete). No doublings. Field arithmetic is BigInt with a fold reduction (p = 2^255 − 19).
 * JavaScript BigInt timing is not guaranteed constant: see SECURITY.md.
 */

const P = (1n << 255n) - 19n;
const M255 = (1n << 255n) - 1n;
const P4 = 4n * P;
const W = 6;
const WINDOWS = 44; // 6·44 = 264 ≥ 253 bits plus the final carry
const HALF = 1 << (W - 1); // 32
const D2 = (2n * ed25519.Point.CURVE().d) % P;

/** a·b reduced to < 2^256 (two folds of 2^255 ≡ 19). Inputs below 2^258. */
function mul(a: bigint, b: bigint): bigint {
  let x = a * b;
  x = (x & M255) + 19n * (x >> 255n);
  return (x & M255) + 19n * (x >> 255n);
}

/** One table entry: y+x, y−x, 2d·x·y of an affine point (all reduced below 2^256). */
interface Niels {
  readonly ypx: bigint;
  readonly ymx: bigint;
  readonly t2d: bigint;
}

const IDENTITY_NIELS: Niels = { ypx: 1n, ymx: 1n, t2d: 0n };

export class FixedBaseTable {
  /** tables[i][j] = j·2^(6i)·B. */
  private readonly tables: Niels[][];

  constructor(base: Point) {
    const Fp = ed25519.Point.Fp;
    const points: ReturnType<typeof edwardsOf>[] = [];
    let windowBase = edwardsOf(base);
    for (let i = 0; i < WINDOWS; i++) {
      let q = windowBase;
      for (let j = 1; j <= HALF; j++) {
        points.push(q);
        q = q.add(windowBase);
      }
      windowBase = q.subtract(windowBase).double(); // 32·2^(6i)·B · 2 = 2^(6(i+1))·B
    }
    const zInv = Fp.invertBatch(points.map((p) => p.Z));
    const niels = points.map((p, n): Niels => {
      const x = Fp.mul(p.X, zInv[n]!);
      const y = Fp.mul(p.Y, zInv[n]!);
      return { ypx: Fp.add(y, x), ymx: Fp.sub(y, x), t2d: Fp.mul(Fp.mul(x, y), D2) };
    });
    this.tables = Array.from({ length: WINDOWS }, (_, i) => [
      IDENTITY_NIELS,
      ...niels.slice(i * HALF, (i + 1) * HALF),
    ]);
  }

  /** k·B for 0 ≤ k < 2^258 (secret k; see the class comment). */
  multiply(k: bigint): Point {
    let X = 0n;
    let Y = 1n;
    let Z = 1n;
    let T = 0n;
    let rest = k;
    let carry = 0;
    for (let i = 0; i < WINDOWS; i++) {
      let d = Number(rest & 63n) + carry;
      rest >>= 6n;
      carry = (d + HALF) >> W; // 1 when d ≥ 32 (d ≤ 64)
      d -= carry << W;
      const negative = d >>> 31; // 1 when d < 0
      const abs = (d ^ -negative) + negative;
      const table = this.tables[i]!;
      let e = table[0]!;
      for (let j = 1; j <= HALF; j++) e = j === abs ? table[j]! : e;
      const ypx = negative ? e.ymx : e.ypx;
      const ymx = negative ? e.ypx : e.ymx;
      const negT = P4 - e.t2d;
      const t2d = negative ? negT : e.t2d;
      // Mixed addition (add-2008-hwcd-3 with Z2 = 1, a = −1): 7 multiplications.
      const A = mul(Y - X + P4, ymx);
      const B = mul(Y + X, ypx);
      const C = mul(T, t2d);
      const D = Z + Z;
      const E = B - A + P4;
      const F = D - C + P4;
      const G = D + C;
      const H = B + A;
      X = mul(E, F);
      Y = mul(G, H);
      T = mul(E, H);
      Z = mul(F, G);
    }
    return new ristretto255.Point(new ed25519.Point(X % P, Y % P, Z % P, T % P));
  }
}
