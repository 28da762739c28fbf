import { ristretto255 } from '@noble/curves/ed25519.js';
import { IdentityPointError, InvalidEncodingError } from '../errors.js';
import { decodeRistretto } from './ristretto-decoder.js';
import { encodeRistretto } from './ristretto-encoder.js';

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

/** Options for {@link decodePoint} and {@link decodePoints}. */
export interface DecodePointOptions {
  /** Accept the identity (all-zero encoding). Default false. */
  allowIdentity?: boolean;
  /**
   * false: decode with noble's `Point.fromBytes` instead of the WebAssembly decoder (the results
   * are the same; for tests and comparisons). Default: the WebAssembly decoder where available.
   */
  wasm?: boolean;
}

/**
 * The identity test on a decoded point's encoding. Canonical encodings are unique, and the
 * identity's is all zeros, so for a successfully decoded point this is `p.is0()` without field
 * arithmetic.
 */
function isZeroEncoding(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** The error {@link decodePoint} reports for an encoding that failed to decode. */
function decodeFailure(bytes: Uint8Array, where: string): InvalidEncodingError {
  return bytes.length !== 32
    ? new InvalidEncodingError('bad-length', `${where}: expected 32 bytes, got ${bytes.length}`)
    : new InvalidEncodingError('non-canonical-point', `${where}: not a canonical ristretto255 encoding`);
}

/**
 * Decodes a canonical 32-byte ristretto255 encoding (RFC 9496 §4.3.1). Non-canonical encodings
 * are rejected, and so is the identity unless explicitly allowed. The result is the point
 * `ristretto255.Point.fromBytes` returns, computed by the WebAssembly decoder where available
 * (ristretto-decoder.ts); for many points, {@link decodePoints} is about twice as fast per point.
 */
export function decodePoint(bytes: Uint8Array, where = 'point', options: DecodePointOptions = {}): Point {
  if (bytes.length !== 32) throw decodeFailure(bytes, where);
  const p = decodeRistretto([bytes], options)[0];
  if (!p) throw decodeFailure(bytes, where);
  if (!options.allowIdentity && isZeroEncoding(bytes)) throw new IdentityPointError(where);
  encodings.set(p, bytes.slice());
  return p;
}

/**
 * Decodes many encodings together: the same points, and the same error, as calling
 * {@link decodePoint}(inputs[i], where(i), options) for i = 0, 1, … in turn (the first invalid
 * encoding throws), but two encodings per pass of the WebAssembly decoder: a ballot's ~200
 * points in a fraction of noble's cost. `where` (names for the errors) is a list, or a function
 * called only for the failing index.
 */
export function decodePoints(
  inputs: readonly Uint8Array[],
  where: readonly string[] | ((i: number) => string) = (i) => `point ${i}`,
  options: DecodePointOptions = {},
): Point[] {
  const decoded = decodeRistretto(inputs, options);
  const name = (i: number): string => (typeof where === 'function' ? where(i) : (where[i] ?? `point ${i}`));
  const out: Point[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const p = decoded[i];
    const bytes = inputs[i]!;
    if (!p) throw decodeFailure(bytes, name(i));
    if (!options.allowIdentity && isZeroEncoding(bytes)) throw new IdentityPointError(name(i));
    encodings.set(p, bytes.slice());
    out.push(p);
  }
  return out;
}

/**
 * Like {@link decodePoints}, but never throws: null wherever {@link decodePoint} would throw (the
 * identity too, unless allowed). For callers that report failures their own way.
 */
export function tryDecodePoints(
  inputs: readonly Uint8Array[],
  options: DecodePointOptions = {},
): (Point | null)[] {
  return decodeRistretto(inputs, options).map((p, i) => {
    const bytes = inputs[i]!;
    if (!p || (!options.allowIdentity && isZeroEncoding(bytes))) return null;
    encodings.set(p, bytes.slice());
    return p;
  });
}

/** Records the canonical encoding of `p` computed by a batch encoder (see double-and-encode.ts). */
export function rememberEncoding(p: Point, bytes: Uint8Array): void {
  encodings.set(p, bytes);
}

/** Whether the canonical encoding of `p` is cached (for the tests; not exported by the package). */
export const hasCachedEncoding = (p: Point): boolean => encodings.has(p);

/** Options for {@link encodePoint} and {@link encodePoints}. */
export interface EncodePointOptions {
  /**
   * false: encode with noble's `toBytes()` instead of the WebAssembly encoder (the bytes are the
   * same; for tests and comparisons). Default: the WebAssembly encoder where available.
   */
  wasm?: boolean;
}

/**
 * Canonical 32-byte encoding (RFC 9496 §4.3.2), cached per point object. Computed by the
 * WebAssembly encoder where available (ristretto-encoder.ts: one SIMD pass, several times faster
 * than noble's `toBytes()` even for a single point), with the same bytes. Variable time: points
 * encoded here are public (ciphertexts, proofs' commitments, keys). For many points,
 * {@link encodePoints} is about twice as fast per point.
 */
export function encodePoint(p: Point, options: EncodePointOptions = {}): Uint8Array {
  let bytes = encodings.get(p);
  if (!bytes) {
    bytes = encodeRistretto([p], options)[0]!;
    encodings.set(p, bytes);
  }
  return bytes;
}

/**
 * Canonical encodings of many points: `points.map((p) => encodePoint(p))`, but the points not yet
 * cached are encoded together, two per pass of the WebAssembly encoder, and cached (a later
 * {@link encodePoint} of any of them is a lookup). Points may come from any arithmetic
 * (projective Z ≠ 1); the identity encodes to 32 zero bytes. The returned arrays are the cached
 * ones: do not modify them.
 */
export function encodePoints(points: readonly Point[], options: EncodePointOptions = {}): Uint8Array[] {
  const out = new Array<Uint8Array>(points.length);
  const missing: Point[] = [];
  const where: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const cached = encodings.get(p);
    if (cached) out[i] = cached;
    else {
      missing.push(p);
      where.push(i);
    }
  }
  if (missing.length > 0) {
    const encoded = encodeRistretto(missing, options);
    for (let j = 0; j < missing.length; j++) {
      const bytes = encodings.get(missing[j]!) ?? encoded[j]!; // the same point twice: one array
      encodings.set(missing[j]!, bytes);
      out[where[j]!] = bytes;
    }
  }
  return out;
}
