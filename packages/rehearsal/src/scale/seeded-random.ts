import { createHash } from 'node:crypto';

/** A reproducible random source (mulberry32 seeded by SHA-256 of the seed text): same seed, same council. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed, 'utf8').digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [0, n). */
export const pick = (random: () => number, n: number) => Math.floor(random() * n);
