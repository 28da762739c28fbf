import { Body, I32, OP, SIMD, V128, assembleModule, consecutive, funcBody } from './wasm-encoder.js';
import {
  FIELD_P,
  LIMBS,
  LIMB_BITS,
  LIMB_SHIFT,
  PACK,
  carryChain,
  feLinear,
  feMul,
  pairBytes,
  toLimbs,
  unpack,
} from './wasm-edwards.js';

/**
 * A WebAssembly module, emitted at run time (no binary blob), that DECODES ristretto255 encodings
 * strictly (RFC 9496 §4.3.1), two at a time in the two 64-bit lanes of 128-bit SIMD registers,
 * with the field arithmetic of the point adder (wasm-edwards.ts: 10 signed limbs in radix 2^25.5,
 * the packed multiplication and its carry chain) plus:
 *  - a squaring that computes only the 55 distinct limb products (instead of 100) and can repeat
 *    itself n times with the limbs kept in locals, for the 251 squarings of the exponentiation by
 *    (p − 5)/8 in SQRT_RATIO_M1 (more than 90 % of the work);
 *  - a full reduction ("freeze", as ref10's fe_tobytes) to 4 canonical little-endian u64 words,
 *    for the comparisons and the sign (is_negative) tests;
 *  - lane masks (i64x2.eq) for the conditional selection and negation.
 * The byte-level checks of step 1 (s < p, s even, bit 255 clear) are left to the caller
 * (ristretto-decoder.ts), as are the results' conversion to noble points.
 *
 * NOT CONSTANT TIME, and not meant to be: it only ever decodes PUBLIC data (ballots, records,
 * keys), and the caller branches on the validity of each encoding anyway.
 *
 * decode(pairs, inBase, outBase): for each pair k < pairs, reads the 32-byte encodings s at
 * inBase + 64k (lane 0) and inBase + 64k + 32 (lane 1) and writes at outBase + 208k the canonical
 * x, y, t = x·y of the decoded Edwards point (Z = 1) as 4 words each, lanes interleaved (word w of
 * lane L at +16w + 8L), then a flag per lane (−1: valid, 0: invalid) at +192. With u1 = 1 − s²,
 * u2 = 1 + s², v = −d·u1² − u2², SQRT_RATIO_M1(1, v·u2²) = (was_square, I), Dx = I·u2,
 * Dy = I·Dx·v: x = |2s·Dx|, y = u1·Dy, t = x·y, valid iff was_square, t is non-negative and y ≠ 0.
 * The sign of I is never normalised: x is made non-negative anyway, and Dy depends on I².
 *
 * The same module also ENCODES (RFC 9496 §4.3.2; see `encode` below and ristretto-encoder.ts),
 * sharing the field functions and the SQRT_RATIO_M1 exponentiation (`pow`) with `decode`. Encoding
 * is variable time as well, for public points only.
 */

const P = FIELD_P;
/** d of edwards25519, −121665/121666 mod p (checked against noble in the tests). */
export const CURVE_D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
/** √−1 mod p (RFC 9496 §4.1). */
export const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
/** 1/√(a − d) mod p, a = −1 (RFC 9496 §4.1). */
export const INVSQRT_A_MINUS_D =
  54469307008909316920995813868745141605393597292927456921205312896311721017578n;

/** Byte offsets and sizes in linear memory. */
export const RLAYOUT = {
  one: 0, // the field element 1 in both lanes (a pair: 10 limbs × 2 lanes × 8 bytes)
  minusD: 160, // −d
  sqrtM1: 320, // √−1
  invsqrtAMinusD: 480, // 1/√(a − d)
  temps: 640, // temporaries (pairs of 160 bytes), 26 of them
  words: 4864, // scratch for three frozen values (64 bytes each)
  input: 8192, // default start of the inputs
  inPair: 64, // decode: two encodings
  outPair: 208, // decode: x, y, t (64 bytes each), flags (16)
  encInPair: 256, // encode: X, Y, Z, T of lane 0 (4 words each), then of lane 1
  encOutPair: 64, // encode: the 32 bytes of lane 0, then those of lane 1
  pages: 2, // initial memory
} as const;

const FE = 160;
const T = (i: number): number => RLAYOUT.temps + FE * i;
const CHECK_WORDS = RLAYOUT.words;
const X_WORDS = RLAYOUT.words + 64;
const E_WORDS = RLAYOUT.words + 128;

const F_MUL = 0;
const F_ADD = 1;
const F_SUB = 2;
const F_UNPACK = 3;
const F_SQN = 4;
const F_FREEZE = 5;
const F_DECODE = 6;
const F_POW = 7;
const F_ENCODE = 8;

const splat = (x: bigint): [bigint, bigint] => [x, x];
/** The 4 little-endian u64 words of a value below 2^256. */
const words = (x: bigint): bigint[] => [0, 1, 2, 3].map((w) => (x >> BigInt(64 * w)) & ((1n << 64n) - 1n));

/**
 * sqn(out, a, n): out ← a^(2^n) on pairs, n ≥ 0. Locals: H (10 limbs, kept across the n rounds),
 * then per limb pair p: va = (f₂ₚ, f₂ₚ₊₁) as i32x4, va2 with the odd limb doubled, vad = 2·va,
 * vad2 = 2·va2, vas (swapped), va19 = 19·va, vas19 = 19·vas. The product of limbs i ≤ j (i = 2p+s,
 * j = 2q+t) counts twice when i < j, twice more when both are odd (radix 2^25.5), and 19 times
 * when i + j ≥ 10 (2^255 ≡ 19): the first operand takes the factors 2 and 4 (vad, vad2; |4·f_odd| <
 * 2^27), the second the 19 (|19·f_even| < 2^31 for the inputs used: carried values, or sums and
 * differences of two). Columns are the same sums as in fe_mul(a, a), so they stay below 2^61.2.
 */
function feSqN(): number[] {
  const b = new Body();
  const H = (k: number): number => 3 + k;
  const VA = (p: number): number => 13 + p;
  const VA2 = (p: number): number => 18 + p;
  const VAD = (p: number): number => 23 + p;
  const VAD2 = (p: number): number => 28 + p;
  const VAS = (p: number): number => 33 + p;
  const VA19 = (p: number): number => 38 + p;
  const VAS19 = (p: number): number => 43 + p;
  const CARRY = 48;
  for (let k = 0; k < LIMBS; k++)
    b.get(1)
      .vload(16 * k)
      .set(H(k));
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(2).op(OP.i32eqz).op(0x0d, 1); // n = 0 → br_if 1 (exit)
  for (let p = 0; p < 5; p++) {
    b.get(H(2 * p))
      .get(H(2 * p + 1))
      .shuffle(PACK)
      .set(VA(p));
    b.get(H(2 * p + 1))
      .get(H(2 * p))
      .shuffle(PACK)
      .set(VAS(p));
    b.get(VA(p)).get(VA(p)).vconst32([0, 0, -1, -1]).simd(SIMD.and).simd(SIMD.i32x4Add).set(VA2(p));
    b.get(VA(p)).get(VA(p)).simd(SIMD.i32x4Add).set(VAD(p));
    b.get(VA2(p)).get(VA2(p)).simd(SIMD.i32x4Add).set(VAD2(p));
    b.get(VA(p)).vconst32([19, 19, 19, 19]).simd(SIMD.i32x4Mul).set(VA19(p));
    b.get(VAS(p)).vconst32([19, 19, 19, 19]).simd(SIMD.i32x4Mul).set(VAS19(p));
  }
  for (let k = 0; k < LIMBS; k++) {
    let first = true;
    for (let i = 0; i < LIMBS; i++) {
      for (let j = i; j < LIMBS; j++) {
        if ((i + j) % LIMBS !== k) continue;
        const wraps = i + j >= LIMBS;
        const [p, s, q, t] = [i >> 1, i & 1, j >> 1, j & 1];
        b.get(i === j ? VA2(p) : t ? VAD2(p) : VAD(p));
        if (s === t) b.get(wraps ? VA19(q) : VA(q));
        else b.get(wraps ? VAS19(q) : VAS(q));
        b.simd(s ? SIMD.extmulHighS : SIMD.extmulLowS);
        if (!first) b.simd(SIMD.i64x2Add);
        first = false;
      }
    }
    b.set(H(k));
  }
  carryChain(b, H, CARRY);
  b.get(2).i32(1).op(OP.i32sub).set(2);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  for (let k = 0; k < LIMBS; k++)
    b.get(0)
      .get(H(k))
      .vstore(16 * k);
  return funcBody([[46, V128]], b);
}

/**
 * freeze(out, a, _): the canonical value of the pair a (limbs as carried by fe_mul, or their
 * negations: |even| ≤ 1.1·2^25, |odd| ≤ 1.1·2^24, so |a| < p) as 4 u64 words per lane, lanes
 * interleaved (word w of lane L at out + 16w + 8L). As ref10's fe_tobytes: q = ⌊a/p⌋ ∈ {−1, 0, 1}
 * from the top, a − q·p by a final carry pass. Locals: H (10 limbs), Q.
 */
function freeze(): number[] {
  const b = new Body();
  const H = (k: number): number => 3 + k;
  const Q = 13;
  for (let k = 0; k < LIMBS; k++)
    b.get(1)
      .vload(16 * k)
      .set(H(k));
  // q = (19·h9 + 2^24) >> 25, then q = (h_i + q) >> bits_i for every limb.
  b.get(H(9))
    .vconst64(...splat(19n))
    .simd(SIMD.i64x2Mul)
    .vconst64(...splat(1n << 24n))
    .simd(SIMD.i64x2Add);
  b.i32(25).simd(SIMD.i64x2ShrS).set(Q);
  for (let k = 0; k < LIMBS; k++)
    b.get(H(k)).get(Q).simd(SIMD.i64x2Add).i32(LIMB_BITS[k]!).simd(SIMD.i64x2ShrS).set(Q);
  b.get(H(0))
    .get(Q)
    .vconst64(...splat(19n))
    .simd(SIMD.i64x2Mul)
    .simd(SIMD.i64x2Add)
    .set(H(0));
  // Carry pass, limbs into [0, 2^bits); the carry out of limb 9 (q·2^255) is dropped.
  for (let k = 0; k < LIMBS; k++) {
    const mask = (1n << BigInt(LIMB_BITS[k]!)) - 1n;
    if (k < LIMBS - 1) {
      b.get(H(k + 1))
        .get(H(k))
        .i32(LIMB_BITS[k]!)
        .simd(SIMD.i64x2ShrS)
        .simd(SIMD.i64x2Add)
        .set(H(k + 1));
    }
    b.get(H(k))
      .vconst64(...splat(mask))
      .simd(SIMD.and)
      .set(H(k));
  }
  for (let w = 0; w < 4; w++) {
    b.get(0);
    let first = true;
    for (let k = 0; k < LIMBS; k++) {
      const lo = LIMB_SHIFT[k]!;
      const hi = lo + LIMB_BITS[k]!;
      if (hi <= 64 * w || lo >= 64 * (w + 1)) continue;
      b.get(H(k));
      if (lo > 64 * w) b.i32(lo - 64 * w).simd(SIMD.i64x2Shl);
      else if (lo < 64 * w) b.i32(64 * w - lo).simd(SIMD.i64x2ShrU);
      if (!first) b.simd(SIMD.or);
      first = false;
    }
    b.vstore(16 * w);
  }
  return funcBody([[11, V128]], b);
}

/** Emitters of calls to the module's field functions, and lane-mask helpers, for one function body. */
function fieldOps(b: Body) {
  const at = (addr: number) => (): void => void b.i32(addr);
  const fe = (f: number, o: () => void, x: () => void, y: () => void): void => {
    o();
    x();
    y();
    b.call(f);
  };
  return {
    at,
    fe,
    mul: (o: number, x: number, y: number): void => fe(F_MUL, at(o), at(x), at(y)),
    add: (o: number, x: number, y: number): void => fe(F_ADD, at(o), at(x), at(y)),
    sub: (o: number, x: number, y: number): void => fe(F_SUB, at(o), at(x), at(y)),
    sqn: (o: number, x: number, n: number): void => void b.i32(o).i32(x).i32(n).call(F_SQN),
    frz: (o: () => void, x: number): void => fe(F_FREEZE, o, at(x), at(0)),
    /** Pushes the lane mask "the 4 frozen words at `addr()` equal c". */
    equals: (addr: () => void, c: bigint): void => {
      words(c).forEach((cw, w) => {
        addr();
        b.vload(16 * w)
          .vconst64(...splat(cw))
          .simd(SIMD.i64x2Eq);
        if (w > 0) b.simd(SIMD.and);
      });
    },
    /** Pushes the lane mask "the frozen value at `addr()` is odd" (is_negative). */
    odd: (addr: () => void): void => {
      b.vconst64(0n, 0n);
      addr();
      b.vload(0)
        .vconst64(...splat(1n))
        .simd(SIMD.and)
        .simd(SIMD.i64x2Sub);
    },
    /** dst ← mask ? a : dst, lane-wise, with the mask in local `mask`. */
    select: (dst: number, a: number, mask: number): void => {
      for (let k = 0; k < LIMBS; k++) {
        b.i32(dst)
          .i32(a)
          .vload(16 * k)
          .i32(dst)
          .vload(16 * k)
          .get(mask)
          .simd(SIMD.bitselect)
          .vstore(16 * k);
      }
    },
    /** x ← mask ? −x : x, lane-wise: (x ⊕ m) − m on every limb, with the mask m in local `mask`. */
    negate: (x: number, mask: number): void => {
      for (let k = 0; k < LIMBS; k++) {
        b.i32(x)
          .i32(x)
          .vload(16 * k)
          .get(mask)
          .simd(SIMD.xor)
          .get(mask)
          .simd(SIMD.i64x2Sub)
          .vstore(16 * k);
      }
    },
  };
}

/** The temporaries of pow (T(9) … T(21), T(23)); callers keep their live values elsewhere. */
const [W2, W3, W7, Z2, B2, B4, B5, B10, B20, B40, B80, B160, B240] = consecutive(13, T, 9);
const CHECK = T(23);

/**
 * pow(r, w, _): the candidate root of SQRT_RATIO_M1(1, w) (RFC 9496 §4.2), r ← w³·(w⁷)^((p−5)/8),
 * not yet corrected by √−1 nor made non-negative; also freezes check = w·r² at CHECK_WORDS, for
 * the caller's lane-wise correction (r·√−1 where check = −1, or −√−1 for a non-square w).
 */
function pow(): number[] {
  const b = new Body();
  const { fe, at, mul, sqn, frz } = fieldOps(b);
  const [R, W] = [0, 1];
  const param = (i: number) => (): void => void b.get(i);
  const mulTo = (o: () => void, x: () => void, y: () => void): void => fe(F_MUL, o, x, y);
  // W2 = w², W3 = w³, W7 = w⁷
  b.i32(W2).get(W).i32(1).call(F_SQN);
  mulTo(at(W3), at(W2), param(W));
  sqn(W7, W3, 1);
  mulTo(at(W7), at(W7), param(W));
  // (w⁷)^((p−5)/8) = z^(2^252 − 3), the chain of ref10's pow22523 / noble's ed25519_pow_2_252_3.
  const Z = W7;
  sqn(Z2, Z, 1);
  mul(B2, Z2, Z); // z^3
  sqn(Z2, B2, 2);
  mul(B4, Z2, B2); // z^(2^4 − 1)
  sqn(Z2, B4, 1);
  mul(B5, Z2, Z); // z^(2^5 − 1)
  for (const [o, x, n, y] of [
    [B10, B5, 5, B5],
    [B20, B10, 10, B10],
    [B40, B20, 20, B20],
    [B80, B40, 40, B40],
    [B160, B80, 80, B80],
    [B240, B160, 80, B80],
    [B160, B240, 10, B10], // z^(2^250 − 1)
  ] as const) {
    sqn(Z2, x, n);
    mul(o, Z2, y);
  }
  sqn(Z2, B160, 2);
  mul(B240, Z2, Z); // z^(2^252 − 3)
  mulTo(param(R), at(W3), at(B240));
  b.i32(Z2).get(R).i32(1).call(F_SQN);
  mulTo(at(CHECK), at(Z2), param(W)); // w·r²
  frz(at(CHECK_WORDS), CHECK);
  return funcBody([], b);
}

/** decode(pairs, inBase, outBase): see the module comment. Locals: k, in, out (i32); masks (v128). */
function decode(): number[] {
  const b = new Body();
  const [K, IN, OUT] = [3, 4, 5];
  const [VALID, M, MASK2] = [6, 7, 8];
  const { at, fe, mul, add, sub, sqn, frz, equals, odd, select, negate } = fieldOps(b);
  const out = (off: number) => (): void => void b.get(OUT).i32(off).op(OP.i32add);
  const inp = (off: number) => (): void => void b.get(IN).i32(off).op(OP.i32add);
  const [S, SS, U1, U2, U1S, U2S, V0, V, W] = consecutive(9, T);
  const R = T(22);
  // Temporaries reused once pow is done with them.
  const [RI, DX, DY0, DY, S2, X, Y, TT] = [V0, W2, B2, B4, B5, B20, B40, B80] as const;

  b.i32(0).set(K);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(K).get(0).op(OP.geU).op(0x0d, 1); // k >= pairs → br_if 1 (exit)
  b.get(1).get(K).i32(RLAYOUT.inPair).op(OP.i32mul, OP.i32add).set(IN);
  b.get(2).get(K).i32(RLAYOUT.outPair).op(OP.i32mul, OP.i32add).set(OUT);
  fe(F_UNPACK, at(S), inp(0), inp(32));
  sqn(SS, S, 1);
  sub(U1, RLAYOUT.one, SS); // u1 = 1 + a·s², a = −1
  add(U2, RLAYOUT.one, SS); // u2 = 1 − a·s²
  sqn(U1S, U1, 1);
  sqn(U2S, U2, 1);
  mul(V0, U1S, RLAYOUT.minusD);
  sub(V, V0, U2S); // v = a·d·u1² − u2²
  mul(W, V, U2S); // SQRT_RATIO_M1(1, w), w = v·u2²: r = w³·(w⁷)^((p−5)/8)
  fe(F_POW, at(R), at(W), at(0));
  mul(RI, R, RLAYOUT.sqrtM1);
  // was_square: w·r² = 1, or −1 and then r ← r·√−1 (lane-wise selection).
  equals(at(CHECK_WORDS), 1n);
  equals(at(CHECK_WORDS), P - 1n);
  b.set(MASK2).get(MASK2).simd(SIMD.or).set(VALID);
  select(R, RI, MASK2);
  mul(DX, R, U2);
  mul(DY0, R, DX);
  mul(DY, DY0, V);
  add(S2, S, S);
  mul(X, S2, DX);
  mul(Y, U1, DY);
  // x ← |x|
  frz(at(X_WORDS), X);
  odd(at(X_WORDS));
  b.set(M);
  negate(X, M);
  mul(TT, X, Y);
  frz(out(0), X);
  frz(out(64), Y);
  frz(out(128), TT);
  // valid ∧ t non-negative ∧ y ≠ 0
  b.get(OUT);
  b.get(VALID);
  odd(out(128));
  b.simd(SIMD.andnot);
  equals(out(64), 0n);
  b.simd(SIMD.andnot).vstore(192);
  b.get(K).i32(1).op(OP.i32add).set(K);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody(
    [
      [3, I32],
      [3, V128],
    ],
    b,
  );
}

/**
 * encode(pairs, inBase, outBase): RFC 9496 §4.3.2 on pairs of Edwards points in any projective
 * representation (X, Y, Z, T below p, as 4 words each, at inBase + 256k: lane 0, then lane 1 at
 * +128), writing s as 32 little-endian bytes per lane at outBase + 64k (lane 0) and +32 (lane 1).
 * u1 = (Z+Y)(Z−Y), u2 = X·Y, invsqrt = SQRT_RATIO_M1(1, u1·u2²) (its sign is left as it comes:
 * it cancels in z_inv, and s is made non-negative at the end), den1 = invsqrt·u1,
 * den2 = invsqrt·u2, z_inv = den1·den2·T; where T·z_inv is negative: (X, Y) ← (Y·√−1, X·√−1) and
 * den_inv = den1/√(a − d), else den_inv = den2; Y ← −Y where X·z_inv is negative;
 * s = |den_inv·(Z − Y)|. The identity (X = 0, so u2 = 0) gives s = 0.
 * Operand bounds (see wasm-edwards.ts): sums and differences of unpacked (non-negative, uncarried)
 * limbs only ever go in as the FIRST operand of mul, whose limbs need only fit i32 once doubled.
 * Locals: k, in, out (i32); masks (v128).
 */
function encode(): number[] {
  const b = new Body();
  const [K, IN, OUT] = [3, 4, 5];
  const M = 6;
  const { at, fe, mul, add, sub, sqn, frz, equals, odd, select, negate } = fieldOps(b);
  const inp = (off: number) => (): void => void b.get(IN).i32(off).op(OP.i32add);
  const [X0, Y0, Z0, T0, ZPY, ZMY, U1, U2, W] = consecutive(9, T);
  const R = T(22);
  const [U2S, RI, DEN1, DEN2, ZI0, ZINV, TZ, IX0, IY0, ENCH, XZ, ZMY2, S] = [
    ZPY,
    ZMY,
    W2,
    W3,
    W7,
    Z2,
    B2,
    B4,
    B5,
    B10,
    B20,
    B40,
    B80,
  ] as const;
  const lanes = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

  b.i32(0).set(K);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(K).get(0).op(OP.geU).op(0x0d, 1); // k >= pairs → br_if 1 (exit)
  b.get(1).get(K).i32(RLAYOUT.encInPair).op(OP.i32mul, OP.i32add).set(IN);
  b.get(2).get(K).i32(RLAYOUT.encOutPair).op(OP.i32mul, OP.i32add).set(OUT);
  [X0, Y0, Z0, T0].forEach((c, i) => fe(F_UNPACK, at(c), inp(32 * i), inp(128 + 32 * i)));
  add(ZPY, Z0, Y0);
  sub(ZMY, Z0, Y0);
  mul(U1, ZPY, ZMY); // u1 = (Z + Y)(Z − Y): the sum first
  mul(U2, X0, Y0); // u2 = X·Y
  sqn(U2S, U2, 1);
  mul(W, U1, U2S);
  fe(F_POW, at(R), at(W), at(0));
  // r ← r·√−1 where w·r² = −1 (or −√−1: w not a square, which no point gives; as noble).
  mul(RI, R, RLAYOUT.sqrtM1);
  equals(at(CHECK_WORDS), P - 1n);
  equals(at(CHECK_WORDS), P - SQRT_M1);
  b.simd(SIMD.or).set(M);
  select(R, RI, M);
  mul(DEN1, R, U1);
  mul(DEN2, R, U2);
  mul(ZI0, DEN1, DEN2);
  mul(ZINV, ZI0, T0);
  // rotate where T·z_inv is negative
  mul(TZ, T0, ZINV);
  frz(at(E_WORDS), TZ);
  odd(at(E_WORDS));
  b.set(M);
  mul(IX0, X0, RLAYOUT.sqrtM1);
  mul(IY0, Y0, RLAYOUT.sqrtM1);
  mul(ENCH, DEN1, RLAYOUT.invsqrtAMinusD);
  select(X0, IY0, M);
  select(Y0, IX0, M);
  select(DEN2, ENCH, M); // den_inv
  // Y ← −Y where X·z_inv is negative
  mul(XZ, X0, ZINV);
  frz(at(E_WORDS), XZ);
  odd(at(E_WORDS));
  b.set(M);
  negate(Y0, M);
  sub(ZMY2, Z0, Y0);
  mul(S, ZMY2, DEN2); // the difference first
  // s ← |s|
  frz(at(E_WORDS), S);
  odd(at(E_WORDS));
  b.set(M);
  negate(S, M);
  frz(at(E_WORDS), S);
  // The frozen words are lane-interleaved; each lane's 4 words go out contiguous.
  for (const half of [0, 1]) {
    for (const lane of [0, 1]) {
      b.get(OUT);
      b.i32(E_WORDS + 32 * half).vload(0);
      b.i32(E_WORDS + 32 * half).vload(16);
      b.shuffle(lanes.map((x) => x + 8 * lane)).vstore(32 * lane + 16 * half);
    }
  }
  b.get(K).i32(1).op(OP.i32add).set(K);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody(
    [
      [3, I32],
      [1, V128],
    ],
    b,
  );
}

/** The module's bytes. */
export function ristrettoModuleBytes(): Uint8Array {
  const pair = (x: bigint): number[] => pairBytes(toLimbs(((x % P) + P) % P)); // x in both lanes
  return assembleModule({
    pages: RLAYOUT.pages,
    exports: [
      ['mul', F_MUL],
      ['sqn', F_SQN],
      ['freeze', F_FREEZE],
      ['decode', F_DECODE],
      ['encode', F_ENCODE],
    ],
    bodies: [
      feMul(),
      feLinear(SIMD.i64x2Add),
      feLinear(SIMD.i64x2Sub),
      unpack(),
      feSqN(),
      freeze(),
      decode(),
      pow(),
      encode(),
    ],
    data: {
      offset: RLAYOUT.one,
      bytes: [...pair(1n), ...pair(-CURVE_D), ...pair(SQRT_M1), ...pair(INVSQRT_A_MINUS_D)],
    },
  });
}
