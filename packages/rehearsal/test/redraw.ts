import { createHash } from 'node:crypto';

/** The drawing of lots redone independently, as anyone can: ascending SHA-256 of `seed:memberId`. */
export function redraw(seed: string, ids: readonly string[]): string[] {
  const key = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
