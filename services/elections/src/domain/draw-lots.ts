import { sha256 } from '@noble/hashes/sha2.js';

/** One drawing of lots (kura), with everything needed to redo it by hand. */
export interface LotDraw {
  /** The seed fixed and published before voting opened. */
  seed: string;
  /** The tied candidates, by id in code-unit order. */
  tied: string[];
  /** The tied candidates in drawn order: the first wins the contested place. */
  order: string[];
  /** Each tied candidate's key: lowercase hex SHA-256 of the UTF-8 bytes of `${seed}:${candidateId}`. */
  keys: Record<string, string>;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The lot key of a candidate: lowercase hex SHA-256 of the UTF-8 bytes of `seed + ":" + candidateId`.
 * Anyone can redo it, e.g. `printf '%s' 'SEED:ID' | sha256sum`.
 */
export function lotKey(seed: string, candidateId: string): string {
  return toHex(sha256(new TextEncoder().encode(`${seed}:${candidateId}`)));
}

/** Compare two lot keys (then ids, should two keys ever collide) in ascending code-unit order. */
export function compareLotKeys(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Draw lots among tied candidates. Algorithm: compute every candidate's {@link lotKey}; the drawn order
 * is ascending key (lowercase hex compared character by character), and the smallest key wins. The
 * result does not depend on the order in which the tied candidates are given.
 */
export function drawLots(options: { seed: string; candidateIds: readonly string[] }): LotDraw {
  const tied = [...new Set(options.candidateIds)].sort();
  const keys = Object.fromEntries(tied.map((id) => [id, lotKey(options.seed, id)]));
  const order = [...tied].sort((a, b) => compareLotKeys({ key: keys[a]!, id: a }, { key: keys[b]!, id: b }));
  return { seed: options.seed, tied, order, keys };
}
