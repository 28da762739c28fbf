import { decodePoints, encodePoint } from '../group/point.js';
import type { BallotSums } from '../verifier/ballot-sums.js';

/** Ballot sums as canonical bytes, to cross a worker-thread boundary. */
export type EncodedSums = { alpha: Uint8Array; beta: Uint8Array }[][];

export const encodeSums = (s: BallotSums): EncodedSums => s.map((o) => o.map((x) => ({ alpha: encodePoint(x.alpha), beta: encodePoint(x.beta) })));

export function decodeSums(s: EncodedSums): BallotSums {
  const points = decodePoints(s.flatMap((o) => o.flatMap((x) => [x.alpha, x.beta])), () => 'sum', { allowIdentity: true });
  let k = 0;
  return s.map((o) => o.map(() => ({ alpha: points[k++]!, beta: points[k++]! })));
}

/** What a worker posts back. */
export type WorkerReply = { ok: true; sums: EncodedSums } | { ok: false; code: string; message: string };
