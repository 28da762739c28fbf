import { Body, I32, I64, OP, SIMD, V128, assembleModule, consecutive, funcBody } from './wasm-encoder.js';

/**
 * A small WebAssembly module, emitted at run time from the code below (no binary blob), that adds
 * Edwards25519 points in extended coordinates, TWO sums at a time in the two 64-bit lanes of
 * 128-bit SIMD registers. It exists for one job: summing PUBLIC ciphertexts into the tally
 * (millions of additions), where BigInt arithmetic costs microseconds per addition. It never sees
 * a secret.
 *
 * Field elements mod p = 2^255 − 19 are 10 signed limbs in radix 2^25.5 (ref10): limb i has weight
 * 2^⌈25.5·i⌉ and 26 bits when i is even, 25 when odd; a pair of elements is 10 i64x2 vectors.
 * Products are carried to centred limbs (|even| ≤ 2^25, |odd| ≤ 2^24); sums and differences are
 * not carried. A multiplication packs its operands into i32 lanes and multiplies with
 * i64x2.extmul (one signed 32×32→64 product per lane), so its SECOND operand, scaled by 19
 * (wrap-around, 2^255 ≡ 19) or 38 (odd × odd limbs, which also carry an extra half bit each),
 * must stay below 2^31: every call below passes as second operand a carried value, a difference
 * of two, or 2·Z ± C (even limbs ≤ 1.5·2^26, odd ≤ 1.5·2^25). Columns then stay below 2^61.2.
 * Addition is the complete unified formula add-2008-hwcd-3 for a = −1 (Hisil–Wong–Carter–Dawson):
 * A = (Y1−X1)(Y2−X2), B = (Y1+X1)(Y2+X2), C = T1·2d·T2, D = 2·Z1·Z2, E = B−A, F = D−C, G = D+C,
 * H = B+A, X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G.
 */

const P = (1n << 255n) - 19n;
/** 2d mod p for edwards25519 (d = −121665/121666); checked against noble's curve in the tests. */
const D2 = 16295367250680780974490674513165176452449235426866156013048779062215315747161n;
export const LIMBS = 10;
/** Bits held by each limb, and the bit offset (weight) where each starts. */
export const LIMB_BITS: readonly number[] = Array.from({ length: LIMBS }, (_, i) => (i % 2 ? 25 : 26));
export const LIMB_SHIFT: readonly number[] = Array.from({ length: LIMBS }, (_, i) => Math.ceil(25.5 * i));

/** Byte offsets and sizes in linear memory. */
export const LAYOUT = {
  k2d: 0, // 2d in both lanes
  fe: 160, // a pair of field elements: 10 limbs × 2 lanes × 8 bytes
  temps: 256, // 16 temporaries (pairs)
  input: 4096, // per slot, 64 bytes: affine x, y as 4 little-endian u64 words each
  inPoint: 64,
  pair: 640, // accumulator of two slots: X, Y, Z, T as pairs
} as const;

// ---- functions -------------------------------------------------------------------------------

/** Packs the low 32 bits of two i64x2 vectors (limbs i, j of both lanes) into one i32x4. */
export const PACK = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];

/**
 * fe_mul(out, a, b) on pairs. Locals: va[p] = (a₂ₚ, a₂ₚ₊₁) as i32x4, va2 with the odd limb doubled,
 * vb[q] = (b₂q, b₂q₊₁), vbs[q] swapped, and both times 19; then the 10 i64x2 columns and a carry.
 * A product of limbs i = 2p+s and j = 2q+t comes from the low (s = 0) or high (s = 1) lanes of
 * va·vb when s = t, of va·vbs when s ≠ t.
 */
export function feMul(): number[] {
  const b = new Body();
  const VA = (p: number): number => 3 + p;
  const VA2 = (p: number): number => 8 + p;
  const VB = (q: number): number => 13 + q;
  const VBS = (q: number): number => 18 + q;
  const VB19 = (q: number): number => 23 + q;
  const VBS19 = (q: number): number => 28 + q;
  const H = (k: number): number => 33 + k;
  const CARRY = 43;
  for (let p = 0; p < 5; p++) {
    b.get(1).vload(32 * p).get(1).vload(32 * p + 16).shuffle(PACK).set(VA(p));
    b.get(VA(p)).get(VA(p)).vconst32([0, 0, -1, -1]).simd(SIMD.and).simd(SIMD.i32x4Add).set(VA2(p));
    b.get(2).vload(32 * p).get(2).vload(32 * p + 16).shuffle(PACK).set(VB(p));
    b.get(2).vload(32 * p + 16).get(2).vload(32 * p).shuffle(PACK).set(VBS(p));
    b.get(VB(p)).vconst32([19, 19, 19, 19]).simd(SIMD.i32x4Mul).set(VB19(p));
    b.get(VBS(p)).vconst32([19, 19, 19, 19]).simd(SIMD.i32x4Mul).set(VBS19(p));
  }
  for (let k = 0; k < LIMBS; k++) {
    for (let i = 0; i < LIMBS; i++) {
      const wraps = i > k;
      const j = wraps ? k + LIMBS - i : k - i;
      const [p, s, q, t] = [i >> 1, i & 1, j >> 1, j & 1];
      b.get(s && t ? VA2(p) : VA(p));
      if (s === t) b.get(wraps ? VB19(q) : VB(q));
      else b.get(wraps ? VBS19(q) : VBS(q));
      b.simd(s ? SIMD.extmulHighS : SIMD.extmulLowS);
      if (i > 0) b.simd(SIMD.i64x2Add);
    }
    b.set(H(k));
  }
  carryChain(b, H, CARRY);
  for (let k = 0; k < LIMBS; k++) b.get(0).get(H(k)).vstore(16 * k);
  return funcBody([[41, V128]], b);
}

/**
 * The centred carries of a product's 10 i64x2 columns, held in locals H(0..9), with the scratch
 * local `carryLocal`: limbs come out with |even| ≤ 2^25, |odd| ≤ 2^24 (plus a few units in limb 1).
 */
export function carryChain(b: Body, H: (k: number) => number, carryLocal: number): void {
  const CARRY = carryLocal;
  // Centred carry of limb i into limb i+1 (limb 9 into limb 0 times 19).
  const carry = (i: number): void => {
    const w = LIMB_BITS[i]!;
    const next = (i + 1) % LIMBS;
    // c = ⌊(h + 2^(w−1)) / 2^w⌋, with a bias of 2^62 (|h| < 2^62) so that an unsigned shift will do.
    const bias = (1n << 62n) + (1n << BigInt(w - 1));
    const unbias = 1n << BigInt(62 - w);
    b.get(H(i)).vconst64(bias, bias).simd(SIMD.i64x2Add).i32(w).simd(SIMD.i64x2ShrU);
    b.vconst64(unbias, unbias).simd(SIMD.i64x2Sub).set(CARRY);
    b.get(H(i)).get(CARRY).i32(w).simd(SIMD.i64x2Shl).simd(SIMD.i64x2Sub).set(H(i));
    b.get(H(next)).get(CARRY).simd(SIMD.i64x2Add);
    if (next === 0) {
      // + 18·c = 16·c + 2·c
      b.get(CARRY).i32(4).simd(SIMD.i64x2Shl).simd(SIMD.i64x2Add);
      b.get(CARRY).i32(1).simd(SIMD.i64x2Shl).simd(SIMD.i64x2Add);
    }
    b.set(H(next));
  };
  for (const [x, y] of [[0, 4], [1, 5], [2, 6], [3, 7], [4, 8], [5, 9]] as const) {
    carry(x);
    carry(y);
  }
  carry(0);
}

/** fe_add / fe_sub(out, a, b) on pairs, limb by limb (no carry). */
export function feLinear(opcode: number): number[] {
  const b = new Body();
  for (let k = 0; k < LIMBS; k++) b.get(0).get(1).vload(16 * k).get(2).vload(16 * k).simd(opcode).vstore(16 * k);
  return funcBody([], b);
}

/**
 * unpack(out, inA, inB): the 4 little-endian u64 words (a value below 2^255) at inA and at inB →
 * the 10 limbs of lane 0 and lane 1 of a pair. Locals 3..6 hold the words.
 */
export function unpack(): number[] {
  const b = new Body();
  for (const [input, lane] of [[1, 0], [2, 8]] as const) {
    for (let w = 0; w < 4; w++) b.get(input).load(8 * w).set(3 + w);
    for (let i = 0; i < LIMBS; i++) {
      const bit = LIMB_SHIFT[i]!;
      const width = LIMB_BITS[i]!;
      const w = bit >> 6;
      const sh = bit & 63;
      b.get(0).get(3 + w).i64(BigInt(sh)).op(OP.shru);
      if (sh + width > 64 && w + 1 < 4) b.get(3 + w + 1).i64(BigInt(64 - sh)).op(OP.shl, OP.or);
      b.i64((1n << BigInt(width)) - 1n).op(OP.and).store(16 * i + lane);
    }
  }
  return funcBody([[4, I64]], b);
}

const F_MUL = 0;
const F_ADD = 1;
const F_SUB = 2;
const F_UNPACK = 3;
const F_POINT_ADD = 4;

/**
 * point_add(acc, inA, inB): the pair at acc ← acc + the affine points (Z = 1, T = x·y) at inA and
 * inB: 8 multiplications per addition.
 */
function pointAdd(): number[] {
  const b = new Body();
  const T = (i: number): number => LAYOUT.temps + LAYOUT.fe * i;
  const [X2, Y2, T2, t4, t5, A, B, C, D, E, F, G, H] = consecutive(13, T);
  const [X1, Y1, Z1, T1] = [0, 1, 2, 3].map((c) => c * LAYOUT.fe) as [number, number, number, number];
  const acc = (off: number) => (): void => void b.get(0).i32(off).op(OP.i32add);
  const at = (addr: number) => (): void => void b.i32(addr);
  /** out ← x op y; for F_MUL, y is the operand scaled inside (see the module comment). */
  const fe = (f: number, out: () => void, x: () => void, y: () => void): void => {
    out();
    x();
    y();
    b.call(f);
  };
  [X2, Y2].forEach((dst, k) => void b.i32(dst).get(1).i32(32 * k).op(OP.i32add).get(2).i32(32 * k).op(OP.i32add).call(F_UNPACK));
  fe(F_MUL, at(T2), at(X2), at(Y2));
  fe(F_SUB, at(t4), acc(Y1), acc(X1));
  fe(F_SUB, at(t5), at(Y2), at(X2));
  fe(F_MUL, at(A), at(t5), at(t4));
  fe(F_ADD, at(t4), acc(Y1), acc(X1));
  fe(F_ADD, at(t5), at(Y2), at(X2));
  fe(F_MUL, at(B), at(t5), at(t4));
  fe(F_MUL, at(t4), acc(T1), at(LAYOUT.k2d));
  fe(F_MUL, at(C), at(T2), at(t4));
  fe(F_ADD, at(D), acc(Z1), acc(Z1));
  fe(F_SUB, at(E), at(B), at(A));
  fe(F_SUB, at(F), at(D), at(C));
  fe(F_ADD, at(G), at(D), at(C));
  fe(F_ADD, at(H), at(B), at(A));
  fe(F_MUL, acc(X1), at(F), at(E));
  fe(F_MUL, acc(Y1), at(G), at(H));
  fe(F_MUL, acc(T1), at(E), at(H));
  fe(F_MUL, acc(Z1), at(F), at(G));
  return funcBody([], b);
}

/**
 * accumulate(pairs, accBase, inBase): for k < pairs, accumulator pair k ← itself + input points
 * 2k and 2k+1. Params 0..2; local 3 = k.
 */
function accumulate(): number[] {
  const b = new Body();
  const input = (lane: number): void => void b.get(2).get(3).i32(2 * LAYOUT.inPoint).op(OP.i32mul, OP.i32add).i32(lane * LAYOUT.inPoint).op(OP.i32add);
  b.i32(0).set(3);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(3).get(0).op(OP.geU).op(0x0d, 1); // k >= pairs → br_if 1 (exit)
  b.get(1).get(3).i32(LAYOUT.pair).op(OP.i32mul, OP.i32add);
  input(0);
  input(1);
  b.call(F_POINT_ADD);
  b.get(3).i32(1).op(OP.i32add).set(3);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody([[1, I32]], b);
}

/** The module's bytes (below 4 KiB, so browsers compile it synchronously on the main thread). */
export function edwardsModuleBytes(): Uint8Array {
  return assembleModule({
    pages: 1,
    exports: [['accumulate', 5]],
    bodies: [feMul(), feLinear(SIMD.i64x2Add), feLinear(SIMD.i64x2Sub), unpack(), pointAdd(), accumulate()],
  });
}

/** Splits a field element (0 ≤ x < 2^255) into its 10 limbs. */
export function toLimbs(x: bigint): bigint[] {
  return Array.from({ length: LIMBS }, (_, i) => (x >> BigInt(LIMB_SHIFT[i]!)) & ((1n << BigInt(LIMB_BITS[i]!)) - 1n));
}

/** The field element Σ limbᵢ·2^⌈25.5·i⌉ mod p of (signed) limbs. */
export function fromLimbs(limbs: ArrayLike<bigint>): bigint {
  let x = 0n;
  for (let i = 0; i < LIMBS; i++) x += limbs[i]! << BigInt(LIMB_SHIFT[i]!);
  x %= P;
  return x < 0n ? x + P : x;
}

export const K2D_LIMBS: readonly bigint[] = toLimbs(D2);
export const FIELD_P = P;

/** Limbs as a data section wants a pair: each limb a little-endian i64, the same in both lanes. */
export function pairBytes(limbs: readonly bigint[]): number[] {
  return limbs.flatMap((l) => {
    const lane = Array.from({ length: 8 }, (_, i) => Number((l >> BigInt(8 * i)) & 0xffn));
    return [...lane, ...lane];
  });
}
