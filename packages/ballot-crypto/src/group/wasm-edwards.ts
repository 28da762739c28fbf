/**
 * A small WebAssembly module, emitted at run time from the code below (no binary blob), that adds
 * Edwards25519 points in extended coordinates with 64-bit integer limb arithmetic. It exists for
 * one job: summing PUBLIC ciphertexts into the tally (millions of additions), where BigInt
 * arithmetic costs several microseconds per addition. It never sees a secret.
 *
 * Field elements mod p = 2^255 − 19 are 10 signed limbs of 26 bits (value Σ limbᵢ·2^(26i), 260 bits;
 * 2^260 ≡ 608 mod p). Products of limbs below 2^28 summed ten at a time stay below 2^63.
 * Addition is the complete unified formula add-2008-hwcd-3 for a = −1 (Hisil–Wong–Carter–Dawson):
 * A = (Y1−X1)(Y2−X2), B = (Y1+X1)(Y2+X2), C = T1·2d·T2, D = 2·Z1·Z2, E = B−A, F = D−C, G = D+C,
 * H = B+A, X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G.
 */

const P = (1n << 255n) - 19n;
/** 2d mod p for edwards25519 (d = −121665/121666); checked against noble's curve in the tests. */
const D2 = 16295367250680780974490674513165176452449235426866156013048779062215315747161n;
const LIMBS = 10;
const MASK26 = (1n << 26n) - 1n;

/** Byte offsets in linear memory. */
export const LAYOUT = {
  k2d: 0,
  temps: 128, // 16 field temporaries of 80 bytes
  input: 4096, // 128 bytes per input point (X, Y, Z, T as 4 little-endian u64 words each)
  fe: 80,
  point: 320, // accumulator: X, Y, Z, T as 10 i64 limbs each
  inPoint: 128,
} as const;

// ---- minimal WebAssembly binary encoder -------------------------------------------------------

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const I32 = 0x7f;
const I64 = 0x7e;

/** Instruction builder for one function body. */
class Body {
  readonly code: number[] = [];
  get(i: number): this { this.code.push(0x20, ...uleb(i)); return this; }
  set(i: number): this { this.code.push(0x21, ...uleb(i)); return this; }
  i32(v: number): this { this.code.push(0x41, ...sleb(BigInt(v))); return this; }
  i64(v: bigint): this { this.code.push(0x42, ...sleb(v)); return this; }
  load(offset: number): this { this.code.push(0x29, 3, ...uleb(offset)); return this; }
  store(offset: number): this { this.code.push(0x37, 3, ...uleb(offset)); return this; }
  op(...opcodes: number[]): this { this.code.push(...opcodes); return this; }
  call(f: number): this { this.code.push(0x10, ...uleb(f)); return this; }
}

const OP = { i32add: 0x6a, i32mul: 0x6c, i32ltu: 0x49, add: 0x7c, sub: 0x7d, mul: 0x7e, and: 0x83, or: 0x84, shl: 0x86, shrs: 0x87, shru: 0x88 };

function funcBody(locals: [count: number, type: number][], b: Body): number[] {
  const body = [...vec(locals.map(([n, t]) => [...uleb(n), t])), ...b.code, 0x0b];
  return [...uleb(body.length), ...body];
}

// ---- functions -------------------------------------------------------------------------------

/** fe_mul(out, a, b): params 0..2 (i32); locals 3..12 a, 13..22 b, 23..42 columns. */
function feMul(): number[] {
  const b = new Body();
  const A = (i: number): number => 3 + i;
  const B = (i: number): number => 13 + i;
  const C = (i: number): number => 23 + i;
  for (let i = 0; i < LIMBS; i++) b.get(1).load(8 * i).set(A(i)).get(2).load(8 * i).set(B(i));
  for (let k = 0; k < 2 * LIMBS - 1; k++) {
    let first = true;
    for (let i = Math.max(0, k - LIMBS + 1); i <= Math.min(k, LIMBS - 1); i++) {
      b.get(A(i)).get(B(k - i)).op(OP.mul);
      if (!first) b.op(OP.add);
      first = false;
    }
    b.set(C(k));
  }
  b.i64(0n).set(C(19));
  // Carry the 19 columns into 26-bit limbs; the last carry lands in column 19.
  for (let k = 0; k < 2 * LIMBS - 1; k++) {
    b.get(C(k + 1)).get(C(k)).i64(26n).op(OP.shrs, OP.add).set(C(k + 1));
    b.get(C(k)).i64(MASK26).op(OP.and).set(C(k));
  }
  // Fold limbs 10..19 (weight 2^260 ≡ 608).
  for (let i = 0; i < LIMBS; i++) b.get(C(i)).get(C(i + LIMBS)).i64(608n).op(OP.mul, OP.add).set(C(i));
  for (let i = 0; i < LIMBS - 1; i++) {
    b.get(C(i + 1)).get(C(i)).i64(26n).op(OP.shrs, OP.add).set(C(i + 1));
    b.get(C(i)).i64(MASK26).op(OP.and).set(C(i));
  }
  b.get(C(0)).get(C(9)).i64(26n).op(OP.shrs).i64(608n).op(OP.mul, OP.add).set(C(0));
  b.get(C(9)).i64(MASK26).op(OP.and).set(C(9));
  b.get(C(1)).get(C(0)).i64(26n).op(OP.shrs, OP.add).set(C(1));
  b.get(C(0)).i64(MASK26).op(OP.and).set(C(0));
  for (let i = 0; i < LIMBS; i++) b.get(0).get(C(i)).store(8 * i);
  return funcBody([[40, I64]], b);
}

/** fe_add / fe_sub(out, a, b), limb by limb (no carry: limbs stay well below 2^28). */
function feLinear(opcode: number): number[] {
  const b = new Body();
  for (let i = 0; i < LIMBS; i++) b.get(0).get(1).load(8 * i).get(2).load(8 * i).op(opcode).store(8 * i);
  return funcBody([], b);
}

/** unpack(out, in): 4 little-endian u64 words → 10 limbs of 26 bits. Locals 2..5 words. */
function unpack(): number[] {
  const b = new Body();
  for (let w = 0; w < 4; w++) b.get(1).load(8 * w).set(2 + w);
  for (let i = 0; i < LIMBS; i++) {
    const bit = 26 * i;
    const w = bit >> 6;
    const sh = bit & 63;
    b.get(0).get(2 + w).i64(BigInt(sh)).op(OP.shru);
    if (sh + 26 > 64 && w + 1 < 4) b.get(2 + w + 1).i64(BigInt(64 - sh)).op(OP.shl, OP.or);
    b.i64(MASK26).op(OP.and).store(8 * i);
  }
  return funcBody([[4, I64]], b);
}

const F_MUL = 0;
const F_ADD = 1;
const F_SUB = 2;
const F_UNPACK = 3;
const F_POINT_ADD = 4;
const F_POINT_ADD_AFFINE = 5;

/**
 * point_add(acc, in): acc ← acc + unpacked(in). Params 0 (acc), 1 (in). With `affine`, the input's
 * Z is taken to be 1 (decoded points): its Z is neither read nor multiplied.
 */
function pointAdd(affine: boolean): number[] {
  const b = new Body();
  const T = (i: number): number => LAYOUT.temps + LAYOUT.fe * i;
  const [X2, Y2, Z2, T2, t4, t5, A, B, C, D, E, F, G, H] = [T(0), T(1), T(2), T(3), T(4), T(5), T(6), T(7), T(8), T(9), T(10), T(11), T(12), T(13)] as const;
  const X1 = 0, Y1 = 80, Z1 = 160, T1 = 240; // offsets from acc
  const acc = (off: number): Body => b.get(0).i32(off).op(OP.i32add);
  const inp = (off: number): Body => b.get(1).i32(off).op(OP.i32add);
  const at = (addr: number): Body => b.i32(addr);
  const fe = (f: number, out: () => void, x: () => void, y: () => void): void => {
    out();
    x();
    y();
    b.call(f);
  };
  [X2, Y2, Z2, T2].forEach((dst, k) => {
    if (affine && dst === Z2) return;
    at(dst);
    inp(32 * k);
    b.call(F_UNPACK);
  });
  fe(F_SUB, () => at(t4), () => acc(Y1), () => acc(X1));
  fe(F_SUB, () => at(t5), () => at(Y2), () => at(X2));
  fe(F_MUL, () => at(A), () => at(t4), () => at(t5));
  fe(F_ADD, () => at(t4), () => acc(Y1), () => acc(X1));
  fe(F_ADD, () => at(t5), () => at(Y2), () => at(X2));
  fe(F_MUL, () => at(B), () => at(t4), () => at(t5));
  fe(F_MUL, () => at(t4), () => acc(T1), () => at(LAYOUT.k2d));
  fe(F_MUL, () => at(C), () => at(t4), () => at(T2));
  if (affine) fe(F_ADD, () => at(D), () => acc(Z1), () => acc(Z1));
  else {
    fe(F_MUL, () => at(D), () => acc(Z1), () => at(Z2));
    fe(F_ADD, () => at(D), () => at(D), () => at(D));
  }
  fe(F_SUB, () => at(E), () => at(B), () => at(A));
  fe(F_SUB, () => at(F), () => at(D), () => at(C));
  fe(F_ADD, () => at(G), () => at(D), () => at(C));
  fe(F_ADD, () => at(H), () => at(B), () => at(A));
  fe(F_MUL, () => acc(X1), () => at(E), () => at(F));
  fe(F_MUL, () => acc(Y1), () => at(G), () => at(H));
  fe(F_MUL, () => acc(T1), () => at(E), () => at(H));
  fe(F_MUL, () => acc(Z1), () => at(F), () => at(G));
  return funcBody([], b);
}

/**
 * accumulate(n, accBase, inBase): for k < n, accumulator k ← accumulator k + input point k.
 * Params 0..2; local 3 = k.
 */
function accumulate(pointAddFn: number): number[] {
  const b = new Body();
  b.i32(0).set(3);
  b.op(0x02, 0x40, 0x03, 0x40); // block, loop
  b.get(3).get(0).op(0x4f).op(0x0d, 1); // k >= n (i32.ge_u) → br_if 1 (exit)
  b.get(1).get(3).i32(LAYOUT.point).op(OP.i32mul, OP.i32add);
  b.get(2).get(3).i32(LAYOUT.inPoint).op(OP.i32mul, OP.i32add);
  b.call(pointAddFn);
  b.get(3).i32(1).op(OP.i32add).set(3);
  b.op(0x0c, 0); // br 0 (loop)
  b.op(0x0b, 0x0b); // end loop, end block
  return funcBody([[1, I32]], b);
}

/** The module's bytes. */
export function edwardsModuleBytes(): Uint8Array {
  const types = section(1, vec([
    [0x60, ...vec([[I32], [I32], [I32]]), 0], // (i32 i32 i32) → ()
    [0x60, ...vec([[I32], [I32]]), 0], // (i32 i32) → ()
  ]));
  const funcs = section(3, vec([[0], [0], [0], [1], [1], [1], [0], [0]]));
  const memory = section(5, vec([[0x00, 1]])); // min 1 page, growable
  const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));
  const exports = section(7, vec([
    [...name('memory'), 0x02, 0],
    [...name('accumulate'), 0x00, 6],
    [...name('accumulateAffine'), 0x00, 7],
  ]));
  const code = section(10, vec([feMul(), feLinear(OP.add), feLinear(OP.sub), unpack(), pointAdd(false), pointAdd(true), accumulate(F_POINT_ADD), accumulate(F_POINT_ADD_AFFINE)]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...funcs, ...memory, ...exports, ...code]);
}

/** Splits a field element (0 ≤ x < 2^256) into 10 limbs of 26 bits. */
export function toLimbs(x: bigint): bigint[] {
  return Array.from({ length: LIMBS }, (_, i) => (x >> BigInt(26 * i)) & MASK26);
}

/** The field element Σ limbᵢ·2^(26i) mod p of (signed) limbs. */
export function fromLimbs(limbs: ArrayLike<bigint>): bigint {
  let x = 0n;
  for (let i = LIMBS - 1; i >= 0; i--) x = (x << 26n) + limbs[i]!;
  x %= P;
  return x < 0n ? x + P : x;
}

export const K2D_LIMBS: readonly bigint[] = toLimbs(D2);
export const FIELD_P = P;
