import { bytesToNumberLE } from '@noble/curves/utils.js';
import { decodeBase64urlInto, decodedLength } from './base64url.js';
import { u32, utf8 } from './bytes.js';
import { sha512 } from './sha512.js';
import { encodePoint, type Point } from '../group/point.js';
import { encodeScalar, mod, type Scalar } from '../group/scalar.js';

/**
 * Canonical length-prefixed binary encoding for every hash in the protocol. Each item is written
 * as `kind (1 byte) ‖ length (u32 big-endian) ‖ bytes`, so no two different item sequences share
 * an encoding (no ambiguity between "ab","c" and "a","bc", nor between a number and 4 bytes).
 * The first item is always the domain tag, which separates every use of the hash.
 */
export class Transcript {
  // One growing buffer rather than three small arrays per item: a ballot hash has ~400 items.
  private buffer = new Uint8Array(512);
  private length = 0;

  constructor(domainTag: string) {
    this.item(0x01, utf8(domainTag));
  }

  private item(kind: number, bytes: Uint8Array): this {
    const o = this.header(kind, bytes.length);
    this.buffer.set(bytes, o);
    this.length = o + bytes.length;
    return this;
  }

  /** Writes an item's kind and length with room for its `n` bytes after; returns where they go. */
  private header(kind: number, n: number): number {
    if (n > 0xffffffff) throw new RangeError(`item too long: ${n}`);
    const end = this.length + 5 + n;
    if (end > this.buffer.length) {
      const grown = new Uint8Array(Math.max(end, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    const b = this.buffer;
    const o = this.length;
    b[o] = kind;
    b[o + 1] = n >>> 24;
    b[o + 2] = (n >>> 16) & 0xff;
    b[o + 3] = (n >>> 8) & 0xff;
    b[o + 4] = n & 0xff;
    return o + 5;
  }

  /** An item whose bytes are given in unpadded base64url, decoded straight into the transcript. */
  private base64Item(kind: number, text: string, expectedLength: number): this {
    const o = this.header(kind, decodedLength(text));
    // The length is committed only once the text decoded to the expected number of bytes.
    decodeBase64urlInto(text, this.buffer, o, expectedLength);
    this.length = o + expectedLength;
    return this;
  }

  /** Appends raw bytes (hashes, bindings). */
  bytes(b: Uint8Array): this {
    return this.item(0x02, b);
  }

  /** Appends a UTF-8 string. */
  text(s: string): this {
    return this.item(0x03, utf8(s));
  }

  /** Appends a non-negative 32-bit integer (indices, limits). */
  number(n: number): this {
    return this.item(0x04, u32(n));
  }

  /** Appends the canonical encoding of a group element. */
  point(p: Point): this {
    return this.item(0x05, encodePoint(p));
  }

  /**
   * Appends a group element given as its 32-byte encoding, not decoded: for a hash taken before the
   * point is checked (equal to {@link point} whenever the encoding is canonical).
   */
  pointBytes(b: Uint8Array): this {
    return this.item(0x05, b);
  }

  /** {@link pointBytes} of the 32 bytes that `text` (unpadded base64url) encodes; throws on anything else. */
  pointBase64(text: string): this {
    return this.base64Item(0x05, text, 32);
  }

  /** {@link scalarBytes} of the 32 bytes that `text` (unpadded base64url) encodes; throws on anything else. */
  scalarBase64(text: string): this {
    return this.base64Item(0x06, text, 32);
  }

  /** Appends a scalar given as its 32-byte encoding, not decoded (see {@link pointBytes}). */
  scalarBytes(b: Uint8Array): this {
    return this.item(0x06, b);
  }

  /** Appends several group elements, preceded by their count. */
  points(ps: readonly Point[]): this {
    this.number(ps.length);
    for (const p of ps) this.point(p);
    return this;
  }

  /** Appends the canonical encoding of a scalar. */
  scalar(s: Scalar): this {
    return this.item(0x06, encodeScalar(s));
  }

  /** The encoded transcript. */
  encode(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** SHA-512 of the encoding (64 bytes). */
  digest(): Uint8Array {
    return sha512(this.buffer.subarray(0, this.length));
  }

  /** 32-byte hash, for base hashes, ballot hashes and the board chain. */
  hash32(): Uint8Array {
    return this.digest().slice(0, 32);
  }

  /** Fiat–Shamir challenge: the 512-bit digest reduced modulo ℓ (bias below 2⁻²⁵⁹). */
  challenge(): Scalar {
    return mod(bytesToNumberLE(this.digest()));
  }
}
