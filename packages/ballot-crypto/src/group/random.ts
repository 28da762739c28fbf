import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { concatBytes, u32, utf8 } from '../encoding/bytes.js';
import { mod, type Scalar } from './scalar.js';

/** A source of random bytes: `(length) => bytes`. */
export type RandomSource = (length: number) => Uint8Array;

/** The platform CSPRNG (`crypto.getRandomValues`), available in browsers and Node ≥ 20. */
export const systemRandom: RandomSource = (length) => {
  const out = new Uint8Array(length);
  for (let o = 0; o < length; o += 65536) crypto.getRandomValues(out.subarray(o, Math.min(length, o + 65536)));
  return out;
};

/**
 * A deterministic byte stream SHA-512(tag ‖ seed ‖ counter), for reproducible test vectors ONLY.
 * Never use a seeded source for real ballots: anyone knowing the seed can decrypt them.
 */
export function seededRandom(seed: string | Uint8Array): RandomSource {
  const seedBytes = typeof seed === 'string' ? utf8(seed) : seed;
  const prefix = concatBytes(utf8('konsey/ballot-crypto/v1/seeded-random'), u32(seedBytes.length), seedBytes);
  let counter = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  return (length) => {
    while (buffer.length < length) buffer = concatBytes(buffer, sha512(concatBytes(prefix, u32(counter++))));
    const out = buffer.slice(0, length);
    buffer = buffer.slice(length);
    return out;
  };
}

/** A uniformly random non-zero scalar (64 random bytes reduced mod ℓ: bias below 2⁻²⁵⁹). */
export function randomScalar(random: RandomSource = systemRandom): Scalar {
  for (;;) {
    const s = mod(bytesToNumberLE(random(64)));
    if (s !== 0n) return s;
  }
}
