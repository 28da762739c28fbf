import { Body, I32, SIMD, V128, assembleModule, consecutive, funcBody, uleb } from './wasm-encoder.js';
import { K2D_LIMBS, LIMBS, carryChain, feLinear, feMul, pairBytes, unpack } from './wasm-edwards.js';

/**
 * A WebAssembly module, emitted at run time (no binary blob), for the point additions of a
 * multi-scalar multiplication (msm-wasm.ts drives it: Pippenger's bucket method). It reuses the
 * field arithmetic of the tally adder (wasm-edwards.ts: 10 signed limbs in radix 2^25.5, the packed
 * i64x2.extmul multiplication and its carry chain) and computes TWO independent additions per call
 * in the two 64-bit lanes.
 *
 * NOT CONSTANT TIME, and not meant to be: it only ever sees PUBLIC data (ballots, proofs, batch
 * weights whose only job is to make a false equation fail); addresses depend on the scalars.
 *
 * Memory: points live in single-lane SLOTS of 320 bytes, 4 field elements × 10 i64 limbs:
 *  - extended slots (buckets, running sums): X, Y, Z, T, limbs carried (outputs of fe_mul);
 *  - cached slots (the MSM's input points): Y − X, Y + X, 2d·T, 2·Z, all carried, so that every
 *    operand of a multiplication below is a carried value or a sum or difference of two carried
 *    values, within the bounds of fe_mul (see wasm-edwards.ts).
 * A JOB is 6 i32 addresses (dst₀, a₀, b₀, dst₁, a₁, b₁): lane L computes dst_L ← a_L + b_L; both
 * lanes' operands are gathered into pair temporaries before anything is written, so dst may equal
 * a or b (P + P is a doubling: the formula is complete) and lane 1 may read what lane 0 writes.
 * Addition is add-2008-hwcd-3 for a = −1 with a cached second operand: A = (Y1−X1)(Y2−X2),
 * B = (Y1+X1)(Y2+X2), C = T1·(2d·T2), D = Z1·(2·Z2), E = B−A, F = D−C, G = D+C, H = B+A,
 * X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G: 8 multiplications (9 when b is an extended slot, 7
 * when b has Z2 = 1: then D = 2·Z1, and F, G are 2·Z1 ∓ C, as in the tally adder).
 *
 * Exports:
 *  - load(pairs, inBase, outBase): points 2k, 2k+1 given as X, Y, Z, T (4 canonical little-endian
 *    u64 words each, 128 bytes per point from inBase) → at outBase + 320·(2k, 2k+1) their cached
 *    slots, and 640·pairs bytes further the cached slots of their negations (Y + X, Y − X, −2d·T,
 *    2·Z);
 *  - jobs(count, base, kind): runs `count` jobs (24 bytes each from base) in order, the b
 *    operands being cached slots (kind 0), extended slots (kind 1), or cached slots of points with
 *    Z = 1 (kind 2: the 2·Z field is not read);
 *  - window(from, to, kind): one window's bucket accumulation straight from the signed digits (see
 *    windowAccumulate below), so that the per-digit work never leaves WebAssembly.
 * The bucket reduction and the doublings are jobs of kind 1 that msm-wasm.ts lists.
 */

/** Byte offsets and sizes in linear memory. */
export const MLAYOUT = {
  k2d: 0, // 2d in both lanes (a pair: 10 limbs × 2 lanes × 8 bytes)
  temps: 160, // pair temporaries (160 bytes each)
  params: 3840, // the parameters of `window` (6 × i32)
  jobScratch: 3904, // the job `window` builds
  free: 4096, // first byte the caller may use
  slot: 320, // one point, one lane: 4 × 10 limbs × 8 bytes
  fe: 80, // one field element in a slot
  job: 24,
  inPoint: 128, // X, Y, Z, T as 4 u64 words each
} as const;

const FE = 160;
const T = (i: number): number => MLAYOUT.temps + FE * i;
/** The pair accumulator (extended), the cached second operand, an extended second operand. */
const ACC = T(0);
const Q = T(4);
const EXT = T(8);
const [TMP, A, B, C, D, E, F, G, H, NEG_T2D, ZERO] = consecutive(11, T, 12);

const F_MUL = 0;
const F_ADD = 1;
const F_SUB = 2;
const F_UNPACK = 3;
const F_CARRY = 4;
const F_CACHED = 5;
const F_CORE = 6;
const F_JOBS = 7;
const F_LOAD = 8;
const F_JOB = 9;
const F_WINDOW = 10;

/** carry(out, a, _): out ← a with centred limbs (|even| ≤ 2^25, |odd| ≤ 2^24 + a few). */
function feCarry(): number[] {
  const b = new Body();
  const Hk = (k: number): number => 3 + k;
  for (let k = 0; k < LIMBS; k++)
    b.get(1)
      .vload(16 * k)
      .set(Hk(k));
  carryChain(b, Hk, 13);
  for (let k = 0; k < LIMBS; k++)
    b.get(0)
      .get(Hk(k))
      .vstore(16 * k);
  return funcBody([[11, V128]], b);
}

/** Emits out ← f(x, y) on pairs at constant addresses. */
const call3 = (b: Body, f: number, out: number, x: number, y: number): void =>
  void b.i32(out).i32(x).i32(y).call(f);

/** cached(_, _, _): the pair EXT (X, Y, Z, T) → Q (Y − X, Y + X, 2d·T, 2·Z), all carried. */
function cached(): number[] {
  const b = new Body();
  const [X, Y, Z, Tt] = [0, 1, 2, 3].map((c) => EXT + FE * c) as [number, number, number, number];
  call3(b, F_SUB, TMP, Y, X);
  call3(b, F_CARRY, Q, TMP, 0);
  call3(b, F_ADD, TMP, Y, X);
  call3(b, F_CARRY, Q + FE, TMP, 0);
  call3(b, F_MUL, Q + 2 * FE, Tt, MLAYOUT.k2d);
  call3(b, F_ADD, TMP, Z, Z);
  call3(b, F_CARRY, Q + 3 * FE, TMP, 0);
  return funcBody([], b);
}

/** core(affine, _, _): the pair ACC (extended) ← ACC + Q (cached; Z2 = 1 if affine ≠ 0): see the module comment. */
function core(): number[] {
  const b = new Body();
  const [X1, Y1, Z1, T1] = [0, 1, 2, 3].map((c) => ACC + FE * c) as [number, number, number, number];
  const [YmX2, YpX2, T2d2, Z22] = [0, 1, 2, 3].map((c) => Q + FE * c) as [number, number, number, number];
  call3(b, F_SUB, TMP, Y1, X1);
  call3(b, F_MUL, A, TMP, YmX2);
  call3(b, F_ADD, TMP, Y1, X1);
  call3(b, F_MUL, B, TMP, YpX2);
  call3(b, F_MUL, C, T1, T2d2);
  b.get(0).op(0x04, 0x40); // if affine
  call3(b, F_ADD, D, Z1, Z1);
  b.op(0x05); // else
  call3(b, F_MUL, D, Z1, Z22);
  b.op(0x0b); // end if
  call3(b, F_SUB, E, B, A);
  call3(b, F_SUB, F, D, C);
  call3(b, F_ADD, G, D, C);
  call3(b, F_ADD, H, B, A);
  call3(b, F_MUL, X1, E, F);
  call3(b, F_MUL, Y1, G, H);
  call3(b, F_MUL, T1, E, H);
  call3(b, F_MUL, Z1, F, G);
  return funcBody([], b);
}

/** i32.load of the local `addr` + offset. */
const loadI32 = (b: Body, addr: number, offset: number): Body => b.get(addr).op(0x28, 2, ...uleb(offset));

/** Copies the slot at local `lane0` into lane 0 of the 4 pairs at `pair`, and `lane1` into lane 1. */
function gather(b: Body, pair: number, lane0: number, lane1: number): void {
  for (let m = 0; m < 4 * LIMBS; m++) {
    b.i32(0)
      .get(lane0)
      .load(8 * m)
      .store(pair + 16 * m);
    b.i32(0)
      .get(lane1)
      .load(8 * m)
      .store(pair + 16 * m + 8);
  }
}

/**
 * Copies lane 0 of the 4 pairs at `pair` (or of the pairs at `pair[c]`, coordinate by coordinate)
 * to the slot at local `lane0` + `offset`, lane 1 to `lane1` + `offset`.
 */
function scatter(b: Body, pair: number | readonly number[], lane0: number, lane1: number, offset = 0): void {
  for (let m = 0; m < 4 * LIMBS; m++) {
    const from = typeof pair === 'number' ? pair + 16 * m : pair[Math.floor(m / LIMBS)]! + 16 * (m % LIMBS);
    b.get(lane0)
      .i32(0)
      .load(from)
      .store(offset + 8 * m);
    b.get(lane1)
      .i32(0)
      .load(from + 8)
      .store(offset + 8 * m);
  }
}

/**
 * job(kind, addr, _): the job whose 6 addresses are at addr (see the module comment). Locals: the
 * 6 addresses.
 */
function job(): number[] {
  const b = new Body();
  const [D0, A0, B0, D1, A1, B1] = [3, 4, 5, 6, 7, 8];
  [D0, A0, B0, D1, A1, B1].forEach((local, i) => void loadI32(b, 1, 4 * i).set(local));
  gather(b, ACC, A0, A1);
  b.get(0).i32(1).op(0x46).op(0x04, 0x40); // if kind = 1 (extended)
  gather(b, EXT, B0, B1);
  b.i32(0).i32(0).i32(0).call(F_CACHED);
  b.op(0x05); // else
  gather(b, Q, B0, B1);
  b.op(0x0b); // end if
  b.get(0).i32(2).op(0x46).i32(0).i32(0).call(F_CORE); // affine iff kind = 2
  scatter(b, ACC, D0, D1);
  return funcBody([[6, I32]], b);
}

/** jobs(count, base, kind): see the module comment. Locals: k, job address. */
function jobs(): number[] {
  const b = new Body();
  const [K, J] = [3, 4];
  b.i32(0).set(K);
  b.get(1).set(J);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(K).get(0).op(0x4f).op(0x0d, 1); // k >= count (unsigned) → br_if 1 (exit)
  b.get(2).get(J).i32(0).call(F_JOB);
  b.get(K).i32(1).op(0x6a).set(K);
  b.get(J).i32(MLAYOUT.job).op(0x6a).set(J);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody([[2, I32]], b);
}

/**
 * window(from, to, kind): the bucket accumulation of one window for points from ≤ j < to, with the
 * parameters at MLAYOUT.params (i32 each): digits (address of point 0's signed 16-bit digit of
 * this window; point j's at +2j), points (point j's cached slot at +320j), negations (offset of
 * −P's slot from P's), buckets A (lane 0; bucket |d| at +320·|d|), buckets B (lane 1), sink (an
 * extended slot for an unused lane). Nonzero digits go alternately to lane 0 (buckets A) and lane 1
 * (buckets B), −P for a negative digit; a job runs each time both lanes are filled, and at the end
 * with the sink in lane 1 if one is left. Locals: j, d, |d|, pending, the 6 parameters, the point.
 */
function windowAccumulate(): number[] {
  const b = new Body();
  const [J, D, ABS, E, DIG, PTS, NEG, BA, BB, SINK, PT] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const JOB = MLAYOUT.jobScratch;
  const store = (offset: number, value: () => void): void => {
    b.i32(0);
    value();
    b.op(0x36, 2, ...uleb(offset)); // i32.store
  };
  [DIG, PTS, NEG, BA, BB, SINK].forEach(
    (local, i) =>
      void b
        .i32(0)
        .op(0x28, 2, ...uleb(MLAYOUT.params + 4 * i))
        .set(local),
  );
  b.get(0).set(J);
  b.i32(0).set(E);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(J).get(1).op(0x4f).op(0x0d, 1); // j >= to → br_if 1 (exit)
  b.get(DIG).get(J).i32(1).op(0x74, 0x6a).op(0x2e, 1, 0).set(D); // d = i16 at digits + 2j
  b.get(D).op(0x04, 0x40); // if d ≠ 0
  b.i32(0).get(D).op(0x6b).get(D).get(D).i32(0).op(0x48, 0x1b).set(ABS); // |d| = select(−d, d, d < 0)
  b.get(PTS).get(J).i32(MLAYOUT.slot).op(0x6c, 0x6a);
  b.get(NEG).i32(0).get(D).i32(0).op(0x48, 0x1b, 0x6a).set(PT); // + (d < 0 ? negations : 0)
  b.get(E).op(0x45, 0x04, 0x40); // if nothing pending: lane 0
  store(JOB, () => void b.get(BA).get(ABS).i32(MLAYOUT.slot).op(0x6c, 0x6a));
  store(JOB + 4, () => void b.get(BA).get(ABS).i32(MLAYOUT.slot).op(0x6c, 0x6a));
  store(JOB + 8, () => void b.get(PT));
  b.i32(1).set(E);
  b.op(0x05); // else: lane 1, and run
  store(JOB + 12, () => void b.get(BB).get(ABS).i32(MLAYOUT.slot).op(0x6c, 0x6a));
  store(JOB + 16, () => void b.get(BB).get(ABS).i32(MLAYOUT.slot).op(0x6c, 0x6a));
  store(JOB + 20, () => void b.get(PT));
  b.i32(0).set(E);
  b.get(2).i32(JOB).i32(0).call(F_JOB);
  b.op(0x0b); // end if
  b.op(0x0b); // end if d ≠ 0
  b.get(J).i32(1).op(0x6a).set(J);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  b.get(E).op(0x04, 0x40); // if one is pending: the sink in lane 1
  store(JOB + 12, () => void b.get(SINK));
  store(JOB + 16, () => void b.get(SINK));
  store(JOB + 20, () => void b.get(PTS));
  b.get(2).i32(JOB).i32(0).call(F_JOB);
  b.op(0x0b);
  return funcBody([[11, I32]], b);
}

/** load(pairs, inBase, outBase): see the module comment. Locals: k, in, out0, out1, neg0, neg1, the negations' offset. */
function load(): number[] {
  const b = new Body();
  const [K, IN, O0, O1, N0, N1, NEG] = [3, 4, 5, 6, 7, 8, 9];
  b.get(0)
    .i32(2 * MLAYOUT.slot)
    .op(0x6c)
    .set(NEG);
  b.i32(0).set(K);
  b.get(1).set(IN);
  b.get(2).set(O0);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(K).get(0).op(0x4f).op(0x0d, 1); // k >= pairs → br_if 1 (exit)
  for (let c = 0; c < 4; c++) {
    b.i32(EXT + FE * c)
      .get(IN)
      .i32(32 * c)
      .op(0x6a)
      .get(IN)
      .i32(MLAYOUT.inPoint + 32 * c)
      .op(0x6a)
      .call(F_UNPACK);
  }
  b.i32(0).i32(0).i32(0).call(F_CACHED);
  b.get(O0).i32(MLAYOUT.slot).op(0x6a).set(O1);
  scatter(b, Q, O0, O1);
  call3(b, F_SUB, NEG_T2D, ZERO, Q + 2 * FE);
  b.get(O0).get(NEG).op(0x6a).set(N0);
  b.get(O1).get(NEG).op(0x6a).set(N1);
  scatter(b, [Q + FE, Q, NEG_T2D, Q + 3 * FE], N0, N1);
  b.get(K).i32(1).op(0x6a).set(K);
  b.get(IN)
    .i32(2 * MLAYOUT.inPoint)
    .op(0x6a)
    .set(IN);
  b.get(O0)
    .i32(2 * MLAYOUT.slot)
    .op(0x6a)
    .set(O0);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody([[7, I32]], b);
}

/** The module's bytes. */
export function msmModuleBytes(): Uint8Array {
  return assembleModule({
    pages: 1,
    exports: [
      ['jobs', F_JOBS],
      ['load', F_LOAD],
      ['window', F_WINDOW],
    ],
    bodies: [
      feMul(),
      feLinear(SIMD.i64x2Add),
      feLinear(SIMD.i64x2Sub),
      unpack(),
      feCarry(),
      cached(),
      core(),
      jobs(),
      load(),
      job(),
      windowAccumulate(),
    ],
    data: { offset: MLAYOUT.k2d, bytes: pairBytes(K2D_LIMBS) },
  });
}
