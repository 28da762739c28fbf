import { decodePoint, encodePoint } from '../group/point.js';
import type { BallotSums } from '../verifier/ballot-sums.js';

/** Ballot sums as canonical bytes, to cross a worker-thread boundary. */
export type EncodedSums = { alpha: Uint8Array; beta: Uint8Array }[][];

export const encodeSums = (s: BallotSums): EncodedSums => s.map((o) => o.map((x) => ({ alpha: encodePoint(x.alpha), beta: encodePoint(x.beta) })));

export const decodeSums = (s: EncodedSums): BallotSums =>
  s.map((o) => o.map((x) => ({ alpha: decodePoint(x.alpha, 'sum', { allowIdentity: true }), beta: decodePoint(x.beta, 'sum', { allowIdentity: true }) })));

/** What a worker posts back. */
export type WorkerReply = { ok: true; sums: EncodedSums } | { ok: false; code: string; message: string };
