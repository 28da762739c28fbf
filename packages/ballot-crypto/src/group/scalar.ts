import { ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { InvalidEncodingError } from '../errors.js';

/** A scalar modulo the ristretto255 group order ℓ, always kept in [0, ℓ). */
export type Scalar = bigint;

/** ℓ = 2^252 + 27742317777372353535851937790883648493, the order of ristretto255. */
export const ORDER: bigint = ristretto255.Point.Fn.ORDER;

/** Reduces any integer into [0, ℓ). */
export function mod(a: bigint): Scalar {
  const r = a % ORDER;
  return r >= 0n ? r : r + ORDER;
}

/** (a + b) mod ℓ. */
export const addScalars = (a: Scalar, b: Scalar): Scalar => mod(a + b);
/** (a − b) mod ℓ. */
export const subScalars = (a: Scalar, b: Scalar): Scalar => mod(a - b);
/** (a · b) mod ℓ. */
export const mulScalars = (a: Scalar, b: Scalar): Scalar => mod(a * b);

const INV2 = (ORDER + 1n) / 2n;
/** s/2 mod ℓ: the scalar of the half point that {@link doubleAndEncode} doubles back. */
export const halveScalar = (s: Scalar): Scalar => mulScalars(s, INV2);

/** Multiplicative inverse modulo ℓ (throws on 0). */
export function invertScalar(a: Scalar): Scalar {
  return ristretto255.Point.Fn.inv(mod(a));
}

/** Canonical 32-byte little-endian encoding. */
export function encodeScalar(s: Scalar): Uint8Array {
  return numberToBytesLE(mod(s), 32);
}

/** Decodes 32 little-endian bytes; rejects values ≥ ℓ (non-canonical). */
export function decodeScalar(bytes: Uint8Array, where = 'scalar'): Scalar {
  if (bytes.length !== 32) throw new InvalidEncodingError('bad-length', `${where}: expected 32 bytes, got ${bytes.length}`);
  const n = bytesToNumberLE(bytes);
  if (n >= ORDER) throw new InvalidEncodingError('non-canonical-scalar', `${where}: scalar is not reduced modulo the group order`);
  return n;
}
