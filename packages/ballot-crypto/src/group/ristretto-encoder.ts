import { ed25519, type ristretto255 } from '@noble/curves/ed25519.js';
import { edwardsOf } from './edwards-of.js';
import { ENCODE_CHUNK_PAIRS, ENCODE_IN_BASE, ENCODE_OUT_BASE, ristrettoWasm } from './ristretto-decoder.js';
import { RLAYOUT } from './wasm-ristretto.js';

type RistrettoPoint = InstanceType<typeof ristretto255.Point>;

const P = ed25519.Point.CURVE().p;

/** Writes a coordinate (reduced mod p if noble ever holds it unreduced) as 4 little-endian u64 words. */
function writeWords(w: BigUint64Array, o: number, x: bigint): void {
  if (x >= P) x %= P;
  w[o] = x;
  w[o + 1] = x >> 64n;
  const high = x >> 128n;
  w[o + 2] = high;
  w[o + 3] = high >> 64n;
}

/** True when the WebAssembly encoder is available in this thread. */
export function ristrettoEncoderAccelerated(): boolean {
  return ristrettoWasm() !== null;
}

/**
 * Encodes ristretto255 points (RFC 9496 §4.3.2): the same bytes as noble's `toBytes()`, for points
 * in any projective representation (Z ≠ 1 after additions, negations, multiplications), computed
 * by the WebAssembly module of wasm-ristretto.ts (`encode`, two points per SIMD pass: the inverse
 * square root dominates) where available, and by noble otherwise (or with `wasm: false`).
 * NOT CONSTANT TIME (lane selections aside, the JS side branches freely): for PUBLIC points only
 * (ciphertext sums, ballots, records, keys), never for anything derived from a secret.
 * No caching here: see `encodePoints` in point.ts.
 */
export function encodeRistretto(
  points: readonly RistrettoPoint[],
  options: { wasm?: boolean } = {},
): Uint8Array[] {
  const m = options.wasm === false ? null : ristrettoWasm();
  if (!m) return points.map((p) => p.toBytes());
  const out = new Array<Uint8Array>(points.length);
  const { bytes, words } = m;
  const inPair = RLAYOUT.encInPair;
  const outPair = RLAYOUT.encOutPair;
  for (let start = 0; start < points.length; start += 2 * ENCODE_CHUNK_PAIRS) {
    const end = Math.min(points.length, start + 2 * ENCODE_CHUNK_PAIRS);
    const pairs = (end - start + 1) >> 1;
    for (let i = start; i < end; i++) {
      const k = i - start;
      const o = (ENCODE_IN_BASE + inPair * (k >> 1) + (inPair / 2) * (k & 1)) >> 3;
      const { X, Y, Z, T } = edwardsOf(points[i]!);
      writeWords(words, o, X);
      writeWords(words, o + 4, Y);
      writeWords(words, o + 8, Z);
      writeWords(words, o + 12, T);
    }
    if ((end - start) & 1) {
      // An odd count: the last pair's second lane encodes zeros (X = 0: s = 0), ignored.
      const at = ENCODE_IN_BASE + inPair * (pairs - 1) + inPair / 2;
      bytes.fill(0, at, at + inPair / 2);
    }
    m.exports.encode(pairs, ENCODE_IN_BASE, ENCODE_OUT_BASE);
    for (let i = start; i < end; i++) {
      const at = ENCODE_OUT_BASE + (outPair / 2) * (i - start);
      out[i] = bytes.slice(at, at + 32);
    }
  }
  return out;
}
