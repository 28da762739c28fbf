import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import type { Point } from './point.js';
import { FIELD_P, LIMBS, fromLimbs } from './wasm-edwards.js';
import { MLAYOUT, msmModuleBytes } from './wasm-msm.js';

type EdwardsPoint = InstanceType<typeof ed25519.Point>;

/** The Edwards representative behind a ristretto255 element (noble keeps it `protected`). */
const edwardsOf = (p: Point): EdwardsPoint => (p as unknown as { ep: EdwardsPoint }).ep;

/** The part of the WebAssembly API used here (the package's TS lib has no WebAssembly types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface MsmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  jobs: (count: number, base: number, extended: number) => void;
  load: (pairs: number, inBase: number, outBase: number) => void;
}

const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let instance: MsmExports | null | undefined;

/** Compiles and instantiates the module once per thread; null where WebAssembly (SIMD) is unavailable or refused. */
function msmInstance(): MsmExports | null {
  if (instance === undefined) {
    try {
      const module = new wasmApi!.Module(msmModuleBytes());
      instance = new wasmApi!.Instance(module).exports as MsmExports;
    } catch {
      instance = null; // no WebAssembly, no SIMD, or a browser main thread refusing synchronous compilation
    }
  }
  return instance;
}

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

/**
 * The window width minimising the estimated cost in field multiplications: 8 per nonzero digit
 * (half a job: two lanes), and per window 9 per job of the bucket reduction (merging the two
 * lanes' bucket sets: 2^(w−1) jobs; running sums: 2^w; doublings: w).
 */
function bestWindow(bitHistogram: readonly number[], maxBits: number): number {
  let best = 2;
  let bestCost = Infinity;
  for (let w = 2; w <= 14; w++) {
    let digits = 0;
    bitHistogram.forEach((count, bits) => (digits += count * Math.ceil(bits / w)));
    const jobsPerWindow = 2 ** (w - 1) + 2 ** w + w + 1;
    const cost = 4 * digits * (1 - 2 ** -w) + 9 * Math.ceil(maxBits / w) * jobsPerWindow;
    if (cost < bestCost) [best, bestCost] = [w, cost];
  }
  return best;
}

/** Views on the module's memory, recreated when it grows. */
interface Views {
  words: BigUint64Array;
  limbs: BigInt64Array;
  i32: Int32Array;
}

function views(m: MsmExports, bytes: number): Views {
  const have = m.memory.buffer.byteLength;
  if (bytes > have) m.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = m.memory.buffer;
  return { words: new BigUint64Array(buffer), limbs: new BigInt64Array(buffer), i32: new Int32Array(buffer) };
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
 * (cached coordinates); each window's nonzero digits are split between the two SIMD lanes, each
 * lane with its own set of buckets (so the two additions of a call never touch the same bucket);
 * the two sets are then merged, reduced by running sums and Horner-accumulated with doublings, all
 * in WebAssembly. Returns null where WebAssembly SIMD is unavailable. Only the final sum is
 * converted back (one noble point); noble's `equals`/`is0` then compare it as a ristretto255 element.
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
  // Scalar words (8 × u32 per scalar) and bit lengths.
  const sw = new BigUint64Array(4 * n);
  const s32 = new Uint32Array(sw.buffer);
  const bitLength = new Uint16Array(n);
  const histogram = new Array<number>(257).fill(0);
  let maxBits = 0;
  for (let i = 0; i < n; i++) {
    const s = scalars[i]!;
    if (s < 0n || s >> 253n !== 0n) throw new RangeError('scalar out of range');
    sw[4 * i] = s;
    sw[4 * i + 1] = s >> 64n;
    sw[4 * i + 2] = s >> 128n;
    sw[4 * i + 3] = s >> 192n;
    let top = 7;
    while (top >= 0 && s32[8 * i + top] === 0) top--;
    const bits = top < 0 ? 0 : 32 * top + 32 - Math.clz32(s32[8 * i + top]!);
    bitLength[i] = bits;
    histogram[bits]!++;
    if (bits > maxBits) maxBits = bits;
  }
  const w = bestWindow(histogram, maxBits);
  const buckets = 1 << w;
  const mask = buckets - 1;
  const bucketsA = BUCKETS;
  const bucketsB = bucketsA + buckets * SLOT;
  const pointsBase = bucketsB + buckets * SLOT;
  const inBase = pointsBase + nEven * SLOT;
  const jobsBase = inBase + nEven * MLAYOUT.inPoint;
  const maxJobs = Math.max(nEven / 2 + 1, buckets / 2 + buckets + w + 2);
  const { words, limbs, i32 } = views(m, jobsBase + maxJobs * MLAYOUT.job);

  // Points in: X, Y, Z, T as canonical words (−P = (−X, Y, Z, −T)), then cached slots.
  const put = (o: number, x: bigint): void => {
    words[o] = x;
    words[o + 1] = x >> 64n;
    const high = x >> 128n;
    words[o + 2] = high;
    words[o + 3] = high >> 64n;
  };
  for (let i = 0; i < n; i++) {
    const { X, Y, Z, T } = edwardsOf(points[i]!);
    const o = (inBase + MLAYOUT.inPoint * i) >> 3;
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
  const windows = Math.ceil(maxBits / w);
  for (let win = windows - 1; win >= 0; win--) {
    const shift = win * w;
    const word = shift >> 5;
    const bit = shift & 31;
    const spills = bit + w > 32 && word < 7;
    clearSlots(i32, bucketsA, pointsBase);
    // Accumulation: nonzero digits alternate between lane 0 (buckets A) and lane 1 (buckets B).
    let e = 0;
    for (let i = 0; i < n; i++) {
      if (bitLength[i]! <= shift) continue;
      let d = s32[8 * i + word]! >>> bit;
      if (spills) d |= s32[8 * i + word + 1]! << (32 - bit);
      d &= mask;
      if (d === 0) continue;
      const o = jb + 6 * (e >> 1) + 3 * (e & 1);
      const bucket = (e & 1 ? bucketsB : bucketsA) + SLOT * d;
      i32[o] = i32[o + 1] = bucket;
      i32[o + 2] = pointsBase + SLOT * i;
      e++;
    }
    if (e & 1) {
      const o = jb + 6 * (e >> 1) + 3;
      i32[o] = i32[o + 1] = DUMMY;
      i32[o + 2] = pointsBase;
    }
    if (e > 0) m.jobs((e + 1) >> 1, jobsBase, 0);
    // Reduction: A_d += B_d, two buckets per job; then W = Σ d·A_d by running sums, R (lane 0)
    // and W (lane 1) advancing together: R ← R + A_d, W ← W + R (R as it was before this job).
    count = 0;
    for (let d = 1; d < buckets; d += 2) {
      const a = bucketsA + SLOT * d;
      const b = bucketsB + SLOT * d;
      if (d + 1 < buckets) job(a, a, b, a + SLOT, a + SLOT, b + SLOT);
      else job(a, a, b, DUMMY, DUMMY, DUMMY);
    }
    clearSlots(i32, R, DUMMY);
    for (let d = buckets - 1; d >= 1; d--) job(R, R, bucketsA + SLOT * d, W, W, R);
    // W ← W + R alongside the window's first doubling of S (none in the top window).
    if (win === windows - 1) job(W, W, R, DUMMY, DUMMY, DUMMY);
    else job(W, W, R, S, S, S);
    for (let k = 1; k < w && win !== windows - 1; k++) job(S, S, S, DUMMY, DUMMY, DUMMY);
    job(S, S, W, DUMMY, DUMMY, DUMMY);
    m.jobs(count, jobsBase, 1);
  }

  const coordinate = (c: number): bigint =>
    fromLimbs(Array.from({ length: LIMBS }, (_, k) => limbs[(S >> 3) + LIMBS * c + k]!));
  const sum = new ed25519.Point(coordinate(0), coordinate(1), coordinate(2), coordinate(3));
  return new ristretto255.Point(sum);
}
