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
  if (typeof text !== 'string' || text.length % 4 === 1) {
    throw new InvalidEncodingError('bad-base64url', 'not an unpadded base64url string');
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0) throw new InvalidEncodingError('bad-base64url', `invalid base64url character ${JSON.stringify(text[i])}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new InvalidEncodingError('bad-base64url', 'non-canonical base64url (trailing bits)');
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new InvalidEncodingError('bad-length', `expected ${expectedLength} bytes, got ${out.length}`);
  }
  return out;
}
