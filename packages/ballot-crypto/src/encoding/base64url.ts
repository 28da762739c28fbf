import { InvalidEncodingError } from '../errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code → 6-bit value, −1 for anything outside the alphabet (a typed table: hot at intake). */
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Unpadded base64url (RFC 4648 §5), the encoding of every binary field in the election record. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict unpadded base64url decoding: rejects padding, foreign characters and non-zero trailing
 * bits, so every byte string has exactly one accepted text form.
 */
export function fromBase64url(text: string, expectedLength?: number): Uint8Array {
  const out = new Uint8Array(decodedLength(text));
  decodeBase64urlInto(text, out, 0, expectedLength);
  return out;
}

/** The number of bytes `text` decodes to; throws unless it can be unpadded base64url. */
export function decodedLength(text: string): number {
  if (typeof text !== 'string' || text.length % 4 === 1) {
    throw new InvalidEncodingError('bad-base64url', 'not an unpadded base64url string');
  }
  return Math.floor((text.length * 3) / 4);
}

/**
 * {@link fromBase64url} writing into `out` at `offset` (room for {@link decodedLength} bytes), for a
 * hot path that must not allocate per field. Returns the number of bytes written.
 */
export function decodeBase64urlInto(
  text: string,
  out: Uint8Array,
  offset: number,
  expectedLength?: number,
): number {
  const length = decodedLength(text);
  let bits = 0;
  let acc = 0;
  let o = offset;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0)
      throw new InvalidEncodingError(
        'bad-base64url',
        `invalid base64url character ${JSON.stringify(text[i])}`,
      );
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0)
    throw new InvalidEncodingError('bad-base64url', 'non-canonical base64url (trailing bits)');
  if (expectedLength !== undefined && length !== expectedLength) {
    throw new InvalidEncodingError('bad-length', `expected ${expectedLength} bytes, got ${length}`);
  }
  return length;
}
