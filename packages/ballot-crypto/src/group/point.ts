import { ristretto255 } from '@noble/curves/ed25519.js';
import { IdentityPointError, InvalidEncodingError } from '../errors.js';

/** A ristretto255 group element (noble's RistrettoPoint, kept decoded in memory). */
export type Point = InstanceType<typeof ristretto255.Point>;

/** The point class, for multi-scalar multiplication helpers. */
export const PointClass: typeof ristretto255.Point = ristretto255.Point;

/** The standard generator g. */
export const G: Point = ristretto255.Point.BASE;

/** The identity element. */
export const IDENTITY: Point = ristretto255.Point.ZERO;

/**
 * Canonical encodings are cached per point object (points are immutable): a ballot's points are
 * hashed several times (challenges, ballot hash, JSON), and each ristretto encoding costs an
 * inversion square root.
 */
const encodings = new WeakMap<Point, Uint8Array>();

/** Options for {@link decodePoint}. */
export interface DecodePointOptions {
  /** Accept the identity (all-zero encoding). Default false. */
  allowIdentity?: boolean;
}

/**
 * Decodes a canonical 32-byte ristretto255 encoding (RFC 9496 §4.3.1). Non-canonical encodings
 * are rejected, and so is the identity unless explicitly allowed.
 */
export function decodePoint(bytes: Uint8Array, where = 'point', options: DecodePointOptions = {}): Point {
  if (bytes.length !== 32) throw new InvalidEncodingError('bad-length', `${where}: expected 32 bytes, got ${bytes.length}`);
  let p: Point;
  try {
    p = ristretto255.Point.fromBytes(bytes);
  } catch {
    throw new InvalidEncodingError('non-canonical-point', `${where}: not a canonical ristretto255 encoding`);
  }
  if (!options.allowIdentity && p.is0()) throw new IdentityPointError(where);
  encodings.set(p, bytes.slice());
  return p;
}

/** Records the canonical encoding of `p` computed by a batch encoder (see double-and-encode.ts). */
export function rememberEncoding(p: Point, bytes: Uint8Array): void {
  encodings.set(p, bytes);
}

/** Canonical 32-byte encoding. */
export function encodePoint(p: Point): Uint8Array {
  let bytes = encodings.get(p);
  if (!bytes) {
    bytes = p.toBytes();
    encodings.set(p, bytes);
  }
  return bytes;
}
