import { ed25519 } from '@noble/curves/ed25519.js';
import { numberToBytesLE } from '@noble/curves/utils.js';
import { edwardsOf } from './edwards-of.js';
import { rememberEncoding, type Point } from './point.js';

const Fp = ed25519.Point.Fp;
const D = ed25519.Point.CURVE().d;
/** √−1 and 1/√(a − d) (a = −1) mod p, as in RFC 9496 §4.1. */
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
const INVSQRT_A_MINUS_D = 54469307008909316920995813868745141605393597292927456921205312896311721017578n;

const isNegative = (x: bigint): boolean => (x & 1n) === 1n;

/**
 * Doubles PUBLIC points and encodes the doubles with ONE field inversion for the whole batch, where
 * encoding each point alone costs an inverse square root. The encoding of 2·Q needs no square
 * root: it is the ristretto255 "double-and-encode" of Q (as in curve25519-dalek's
 * double_and_compress_batch). Callers compute the halves Q = P/2 (scalar·2⁻¹ mod ℓ) instead of P.
 * The returned points carry their encodings, so {@link encodePoint} does not recompute them.
 */
export function doubleAndEncode(halves: readonly Point[]): Point[] {
  const states = halves.map((q) => {
    const { X, Y, Z, T } = edwardsOf(q);
    const ZZ = Fp.sqr(Z);
    const dTT = Fp.mul(Fp.sqr(T), D);
    const e = Fp.mul(X, Fp.add(Y, Y));
    const f = Fp.add(ZZ, dTT);
    const g = Fp.add(Fp.sqr(Y), Fp.sqr(X));
    const h = Fp.sub(ZZ, dTT);
    return { e, f, g, h, eg: Fp.mul(e, g), fh: Fp.mul(f, h) };
  });
  const invs = Fp.invertBatch(states.map((s) => Fp.mul(s.eg, s.fh)));
  return halves.map((q, i) => {
    const { f, eg, fh } = states[i]!;
    let { e, g, h } = states[i]!;
    const inv = invs[i] ?? 0n; // the identity (eg = 0) encodes as zero either way
    const zInv = Fp.mul(eg, inv);
    const tInv = Fp.mul(fh, inv);
    let magic = INVSQRT_A_MINUS_D;
    if (isNegative(Fp.mul(eg, zInv))) {
      [e, g, h] = [g, Fp.neg(e), Fp.mul(f, SQRT_M1)];
      magic = SQRT_M1;
    }
    if (isNegative(Fp.mul(Fp.mul(h, e), zInv))) g = Fp.neg(g);
    let s = Fp.mul(Fp.sub(h, g), Fp.mul(magic, Fp.mul(g, tInv)));
    if (isNegative(s)) s = Fp.neg(s);
    const p = q.double();
    rememberEncoding(p, numberToBytesLE(s, 32));
    return p;
  });
}
