import { wasmMultiScalarMul } from './msm-wasm.js';
import { IDENTITY, type Point } from './point.js';
import { ORDER, mod, type Scalar } from './scalar.js';

const HALF = ORDER >> 1n;

function bestWindow(n: number, bits: number): number {
  let best = 2;
  let bestCost = Infinity;
  for (let w = 2; w <= 16; w++) {
    const cost = Math.ceil(bits / w) * (n + 2 ** (w + 1));
    if (cost < bestCost) [best, bestCost] = [w, cost];
  }
  return best;
}

/** Pippenger's bucket method over scalars of at most `bits` bits; zero digits cost nothing. */
function pippenger(points: readonly Point[], scalars: readonly bigint[], bits: number): Point {
  if (points.length === 0) return IDENTITY;
  const w = bestWindow(points.length, bits);
  const mask = (1n << BigInt(w)) - 1n;
  const buckets: (Point | undefined)[] = new Array<Point | undefined>(1 << w);
  let sum = IDENTITY;
  for (let shift = Math.ceil(bits / w) * w - w; shift >= 0; shift -= w) {
    for (let i = 0; i < w && !sum.is0(); i++) sum = sum.double();
    buckets.fill(undefined);
    const s = BigInt(shift);
    for (let j = 0; j < points.length; j++) {
      const d = Number((scalars[j]! >> s) & mask);
      if (d !== 0) buckets[d] = buckets[d] ? buckets[d]!.add(points[j]!) : points[j]!;
    }
    let running: Point | undefined;
    let window: Point | undefined;
    for (let d = buckets.length - 1; d > 0; d--) {
      const b = buckets[d];
      if (b) running = running ? running.add(b) : b;
      if (running) window = window ? window.add(running) : running;
    }
    if (window) sum = sum.add(window);
  }
  return sum;
}

/** Options for {@link multiScalarMul}. */
export interface MsmOptions {
  /**
   * false: noble's BigInt Pippenger instead of the WebAssembly one (the same point; for tests and
   * comparisons). Default: WebAssembly where available (msm-wasm.ts).
   */
  wasm?: boolean;
}

/**
 * Σ sᵢ·Pᵢ over PUBLIC inputs (variable time). Scalars above ℓ/2 are negated together with their
 * point. With WebAssembly SIMD (the default where available), one Pippenger in msm-wasm.ts whose
 * windows skip the zero high digits of the 128-bit batch weights; otherwise noble's points, the
 * terms split by size so the 128-bit weights (most terms of a batch) cost half as many windows as
 * full-size scalars. Both return the same group element (compare with `equals`/`is0`).
 */
export function multiScalarMul(
  points: readonly Point[],
  scalars: readonly Scalar[],
  options: MsmOptions = {},
): Point {
  const kept: Point[] = [];
  const reduced: bigint[] = [];
  const negated: boolean[] = [];
  for (let i = 0; i < points.length; i++) {
    const s = mod(scalars[i]!);
    if (s === 0n) continue;
    kept.push(points[i]!);
    reduced.push(s > HALF ? ORDER - s : s);
    negated.push(s > HALF);
  }
  if (kept.length === 0) return IDENTITY;
  if (options.wasm !== false) {
    const sum = wasmMultiScalarMul(kept, reduced, negated);
    if (sum) return sum;
  }
  const short: [Point[], bigint[]] = [[], []];
  const long: [Point[], bigint[]] = [[], []];
  for (let i = 0; i < kept.length; i++) {
    const s = reduced[i]!;
    const target = s < 1n << 128n ? short : long;
    target[0].push(negated[i] ? kept[i]!.negate() : kept[i]!);
    target[1].push(s);
  }
  return pippenger(short[0], short[1], 128).add(pippenger(long[0], long[1], 253));
}
