import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { RLAYOUT, ristrettoModuleBytes } from './wasm-ristretto.js';
import { instantiateOnce } from './wasm-runtime.js';

type RistrettoPoint = InstanceType<typeof ristretto255.Point>;

interface DecoderExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  decode: (pairs: number, inBase: number, outBase: number) => void;
  /** RFC 9496 §4.3.2 encoding, used by ristretto-encoder.ts (the same instance and memory). */
  encode: (pairs: number, inBase: number, outBase: number) => void;
}

/** The compiled module's instance and views of its memory (shared by the decoder and the encoder). */
export interface RistrettoWasm {
  exports: DecoderExports;
  bytes: Uint8Array;
  words: BigUint64Array;
  flags: Int32Array;
}

/** Pairs decoded per call: inputs and outputs then fit the module's initial memory (2 pages). */
const CHUNK_PAIRS = 256;
const IN_BASE = RLAYOUT.input;
const OUT_BASE = IN_BASE + RLAYOUT.inPair * CHUNK_PAIRS;

/** Pairs encoded per call of `encode` (ristretto-encoder.ts), and where: the same input area. */
export const ENCODE_CHUNK_PAIRS = 128;
export const ENCODE_IN_BASE = RLAYOUT.input;
export const ENCODE_OUT_BASE = ENCODE_IN_BASE + RLAYOUT.encInPair * ENCODE_CHUNK_PAIRS;

/**
 * Compiles and instantiates the module once per thread; null where WebAssembly (SIMD) is
 * unavailable or refused. The encoder (ristretto-encoder.ts) uses the same instance.
 */
export const ristrettoWasm: () => RistrettoWasm | null = instantiateOnce(ristrettoModuleBytes, (instance) => {
  const exports = instance as DecoderExports;
  const needed = Math.max(
    OUT_BASE + RLAYOUT.outPair * CHUNK_PAIRS,
    ENCODE_OUT_BASE + RLAYOUT.encOutPair * ENCODE_CHUNK_PAIRS,
  );
  const have = exports.memory.buffer.byteLength;
  if (needed > have) exports.memory.grow(Math.ceil((needed - have) / 65536));
  const buffer = exports.memory.buffer;
  return {
    exports,
    bytes: new Uint8Array(buffer),
    words: new BigUint64Array(buffer),
    flags: new Int32Array(buffer),
  };
});

/**
 * RFC 9496 §4.3.1 step 1 on the bytes: s is the canonical encoding of a field element (below
 * p = 2^255 − 19, bit 255 clear) and non-negative (even).
 */
function canonicalNonNegative(b: Uint8Array): boolean {
  if (b.length !== 32 || (b[0]! & 1) !== 0) return false;
  const top = b[31]!;
  if (top < 0x7f) return true;
  if (top > 0x7f) return false;
  for (let i = 30; i > 0; i--) if (b[i] !== 0xff) return true;
  return b[0]! < 0xed;
}

/** The field element whose 4 canonical little-endian words start at word index `o` (lanes interleaved). */
function element(w: BigUint64Array, o: number): bigint {
  return w[o]! | (w[o + 2]! << 64n) | (w[o + 4]! << 128n) | (w[o + 6]! << 192n);
}

/** The noble decoding, one by one (the fallback, and the reference in the tests). */
function nobleDecode(encodings: readonly Uint8Array[]): (RistrettoPoint | null)[] {
  return encodings.map((bytes) => {
    try {
      return ristretto255.Point.fromBytes(bytes);
    } catch {
      return null;
    }
  });
}

/** True when the WebAssembly decoder is available in this thread. */
export function ristrettoDecoderAccelerated(): boolean {
  return ristrettoWasm() !== null;
}

/**
 * Strictly decodes ristretto255 encodings (RFC 9496 §4.3.1): each result is the point, equal in
 * value and representation (Z = 1, T = x·y) to `ristretto255.Point.fromBytes`, or null exactly
 * where noble throws (wrong length included). Uses the WebAssembly decoder (wasm-ristretto.ts),
 * two encodings per SIMD pass, where available, and noble otherwise (or with `wasm: false`).
 * Variable time: for public encodings only.
 */
export function decodeRistretto(
  encodings: readonly Uint8Array[],
  options: { wasm?: boolean } = {},
): (RistrettoPoint | null)[] {
  const d = options.wasm === false ? null : ristrettoWasm();
  if (!d) return nobleDecode(encodings);
  const out: (RistrettoPoint | null)[] = new Array<RistrettoPoint | null>(encodings.length);
  const { bytes, words, flags } = d;
  for (let start = 0; start < encodings.length; start += 2 * CHUNK_PAIRS) {
    const end = Math.min(encodings.length, start + 2 * CHUNK_PAIRS);
    const pairs = (end - start + 1) >> 1;
    const screened: boolean[] = [];
    for (let i = start; i < start + 2 * pairs; i++) {
      const enc = encodings[i];
      const ok = enc !== undefined && canonicalNonNegative(enc);
      screened.push(ok);
      const at = IN_BASE + 32 * (i - start);
      if (ok) bytes.set(enc, at);
      else bytes.fill(0, at, at + 32); // any value will do; its lane's result is ignored
    }
    d.exports.decode(pairs, IN_BASE, OUT_BASE);
    for (let i = start; i < end; i++) {
      const k = i - start;
      const base = OUT_BASE + RLAYOUT.outPair * (k >> 1);
      const lane = k & 1;
      if (!screened[k] || flags[(base + 192 + 8 * lane) >> 2] === 0) {
        out[i] = null;
        continue;
      }
      const o = (base >> 3) + lane;
      const x = element(words, o);
      const y = element(words, o + 8);
      const t = element(words, o + 16);
      out[i] = new ristretto255.Point(new ed25519.Point(x, y, 1n, t));
    }
  }
  return out;
}
