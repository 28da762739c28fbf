import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { edwardsOf } from './edwards-of.js';
import type { Point } from './point.js';
import { FIELD_P, LIMBS, fromLimbs } from './wasm-edwards.js';
import { MLAYOUT, msmModuleBytes } from './wasm-msm.js';
import { instantiateOnce } from './wasm-runtime.js';

interface MsmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  jobs: (count: number, base: number, extended: number) => void;
  load: (pairs: number, inBase: number, outBase: number) => void;
  window: (from: number, to: number, kind: number) => void;
}

/** Compiles and instantiates the module once per thread; null where WebAssembly (SIMD) is unavailable or refused. */
const msmInstance = instantiateOnce<MsmExports>(msmModuleBytes);

/** True when the WebAssembly MSM is available in this thread. */
export function msmAccelerated(): boolean {
  return msmInstance() !== null;
}

const SLOT = MLAYOUT.slot;
const P = FIELD_P;
/** Fixed slots: the result S, the running sums R and W of a window, and a sink for unused lanes. */
const S = MLAYOUT.free;
const R = S + SLOT;
const W = S + 2 * SLOT;
const DUMMY = S + 3 * SLOT;
const BUCKETS = S + 4 * SLOT;

/** Windows of w bits, signed digits, for a scalar of `bits` bits: one more bit for the last carry. */
const windowsFor = (bits: number, w: number): number => (bits === 0 ? 0 : Math.floor(bits / w) + 1);

/**
 * The window width minimising the estimated cost in field multiplications: 3.5 per nonzero digit
 * (half a job of 7: two lanes, points mostly with Z = 1), and per window 9 per job of the bucket
 * reduction (2^(w−1) buckets per lane: merging the two lanes' sets, 2^(w−2) jobs; running sums,
 * 2^(w−1); doublings, w).
 */
function bestWindow(bitHistogram: readonly number[], maxBits: number): number {
  let best = 2;
  let bestCost = Infinity;
  for (let w = 2; w <= 14; w++) {
    let digits = 0;
    bitHistogram.forEach((count, bits) => (digits += count * windowsFor(bits, w)));
    const jobsPerWindow = 2 ** (w - 2) + 2 ** (w - 1) + w + 2;
    const cost = 3.5 * digits * (1 - 2 ** -w) + 9 * windowsFor(maxBits, w) * jobsPerWindow;
    if (cost < bestCost) [best, bestCost] = [w, cost];
  }
  return best;
}

/** Views on the module's memory, recreated when it grows. */
interface Views {
  words: BigUint64Array;
  limbs: BigInt64Array;
  i32: Int32Array;
  i16: Int16Array;
}

function views(m: MsmExports, bytes: number): Views {
  const have = m.memory.buffer.byteLength;
  if (bytes > have) m.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = m.memory.buffer;
  return {
    words: new BigUint64Array(buffer),
    limbs: new BigInt64Array(buffer),
    i32: new Int32Array(buffer),
    i16: new Int16Array(buffer),
  };
}

/** Sets the extended slots [from, to) to the identity (0, 1, 1, 0). */
function clearSlots(i32: Int32Array, from: number, to: number): void {
  i32.fill(0, from >> 2, to >> 2);
  for (let s = from; s < to; s += SLOT) i32[(s + MLAYOUT.fe) >> 2] = i32[(s + 2 * MLAYOUT.fe) >> 2] = 1;
}

/**
 * Σ sᵢ·Pᵢ by Pippenger's bucket method with the additions in WebAssembly (wasm-msm.ts), for
 * PUBLIC inputs only: NOT CONSTANT TIME (memory addresses and the work done follow the scalars).
 * Scalars must be in [0, 2^253); `negated[i]` adds −Pᵢ instead of Pᵢ. The points are loaded once
 * (cached coordinates of Pᵢ and −Pᵢ); scalars are cut into signed digits in
 * [−2^(w−1), 2^(w−1)] (a negative digit adds −Pᵢ), so each window has 2^(w−1) buckets. Each
 * window's nonzero digits are split between the two SIMD lanes, each lane with its own set of
 * buckets (so the two additions of a call never touch the same bucket), points with Z = 1 (decoded
 * from bytes: nearly all of a batch) first, with the cheaper mixed addition; the two sets are then
 * merged, reduced by running sums and Horner-accumulated with doublings, all in WebAssembly.
 * Returns null where WebAssembly SIMD is unavailable. Only the final sum is converted back (one
 * noble point); noble's `equals`/`is0` then compare it as a ristretto255 element.
 */
export function wasmMultiScalarMul(
  points: readonly Point[],
  scalars: readonly bigint[],
  negated: readonly boolean[],
): Point | null {
  const m = msmInstance();
  if (!m) return null;
  const n = points.length;
  const nEven = n + (n & 1);
  // Points with Z = 1 first (mixed additions), in `order`.
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (edwardsOf(points[i]!).Z === 1n) order.push(i);
  const affine = order.length;
  for (let i = 0; i < n; i++) if (edwardsOf(points[i]!).Z !== 1n) order.push(i);
  // Scalar words (8 × u32 per scalar, in `order`) and bit lengths.
  const sw = new BigUint64Array(4 * n);
  const s32 = new Uint32Array(sw.buffer);
  const bitLength = new Uint16Array(n);
  const histogram = new Array<number>(257).fill(0);
  let maxBits = 0;
  for (let j = 0; j < n; j++) {
    const s = scalars[order[j]!]!;
    if (s < 0n || s >> 253n !== 0n) throw new RangeError('scalar out of range');
    sw[4 * j] = s;
    sw[4 * j + 1] = s >> 64n;
    sw[4 * j + 2] = s >> 128n;
    sw[4 * j + 3] = s >> 192n;
    let top = 7;
    while (top >= 0 && s32[8 * j + top] === 0) top--;
    const bits = top < 0 ? 0 : 32 * top + 32 - Math.clz32(s32[8 * j + top]!);
    bitLength[j] = bits;
    histogram[bits]!++;
    if (bits > maxBits) maxBits = bits;
  }
  const w = bestWindow(histogram, maxBits);
  const windows = windowsFor(maxBits, w);
  const half = 1 << (w - 1);
  const full = 1 << w;
  const mask = full - 1;
  const slots = half + 1; // per lane: bucket d at index d (index 0 unused)
  const bucketsA = BUCKETS;
  const bucketsB = bucketsA + slots * SLOT;
  const pointsBase = bucketsB + slots * SLOT;
  const negatives = nEven * SLOT; // −P_j at P_j's slot + negatives
  const inBase = pointsBase + 2 * negatives;
  const jobsBase = inBase + nEven * MLAYOUT.inPoint;
  const digitsBase = jobsBase + (half + (half >> 1) + w + 4) * MLAYOUT.job; // the reduction jobs of a window
  const { words, limbs, i32, i16 } = views(m, digitsBase + 2 * windows * nEven);

  // Signed digits, window-major: window k of scalar j at digitsBase + 2·(k·n + j).
  const d0 = digitsBase >> 1;
  for (let j = 0; j < n; j++) {
    let carry = 0;
    const count = windowsFor(bitLength[j]!, w);
    for (let k = 0; k < windows; k++) {
      if (k >= count) {
        i16[d0 + k * n + j] = 0;
        continue;
      }
      const shift = k * w;
      const word = shift >> 5;
      const bit = shift & 31;
      let d = word < 8 ? s32[8 * j + word]! >>> bit : 0;
      if (bit + w > 32 && word < 7) d |= s32[8 * j + word + 1]! << (32 - bit);
      d = (d & mask) + carry;
      carry = d > half ? 1 : 0;
      i16[d0 + k * n + j] = d - carry * full;
    }
  }

  // Points in: X, Y, Z, T as canonical words (−P = (−X, Y, Z, −T)), then cached slots of ±P.
  const put = (o: number, x: bigint): void => {
    words[o] = x;
    words[o + 1] = x >> 64n;
    const high = x >> 128n;
    words[o + 2] = high;
    words[o + 3] = high >> 64n;
  };
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const { X, Y, Z, T } = edwardsOf(points[i]!);
    const o = (inBase + MLAYOUT.inPoint * j) >> 3;
    const neg = negated[i] === true;
    put(o, neg && X !== 0n ? P - X : X);
    put(o + 4, Y);
    put(o + 8, Z);
    put(o + 12, neg && T !== 0n ? P - T : T);
  }
  if (n & 1) i32.fill(0, (inBase + MLAYOUT.inPoint * n) >> 2, (inBase + MLAYOUT.inPoint * nEven) >> 2);
  m.load(nEven / 2, inBase, pointsBase);

  clearSlots(i32, S, BUCKETS);
  const jb = jobsBase >> 2;
  let count = 0;
  const job = (d0: number, a0: number, b0: number, d1: number, a1: number, b1: number): void => {
    const o = jb + 6 * count++;
    i32[o] = d0;
    i32[o + 1] = a0;
    i32[o + 2] = b0;
    i32[o + 3] = d1;
    i32[o + 4] = a1;
    i32[o + 5] = b1;
  };
  const params = MLAYOUT.params >> 2;
  i32[params + 1] = pointsBase;
  i32[params + 2] = negatives;
  i32[params + 3] = bucketsA;
  i32[params + 4] = bucketsB;
  i32[params + 5] = DUMMY;
  for (let k = windows - 1; k >= 0; k--) {
    clearSlots(i32, bucketsA, pointsBase);
    i32[params] = digitsBase + 2 * k * n;
    m.window(0, affine, 2);
    m.window(affine, n, 0);
    // Reduction: A_d += B_d, two buckets per job; then W = Σ d·A_d by running sums, R (lane 0)
    // and W (lane 1) advancing together: R ← R + A_d, W ← W + R (R as it was before this job).
    count = 0;
    for (let d = 1; d <= half; d += 2) {
      const a = bucketsA + SLOT * d;
      const b = bucketsB + SLOT * d;
      if (d + 1 <= half) job(a, a, b, a + SLOT, a + SLOT, b + SLOT);
      else job(a, a, b, DUMMY, DUMMY, DUMMY);
    }
    clearSlots(i32, R, DUMMY);
    for (let d = half; d >= 1; d--) job(R, R, bucketsA + SLOT * d, W, W, R);
    // W ← W + R alongside the window's first doubling of S (none in the top window).
    const top = k === windows - 1;
    job(W, W, R, top ? DUMMY : S, top ? DUMMY : S, top ? DUMMY : S);
    for (let t = 1; t < w && !top; t++) job(S, S, S, DUMMY, DUMMY, DUMMY);
    job(S, S, W, DUMMY, DUMMY, DUMMY);
    m.jobs(count, jobsBase, 1);
  }

  const coordinate = (c: number): bigint =>
    fromLimbs(Array.from({ length: LIMBS }, (_, k) => limbs[(S >> 3) + LIMBS * c + k]!));
  const sum = new ed25519.Point(coordinate(0), coordinate(1), coordinate(2), coordinate(3));
  return new ristretto255.Point(sum);
}
