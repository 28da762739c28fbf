import { Worker } from 'node:worker_threads';
import { RecordVerificationError } from '../errors.js';
import { addSums, checkBallotRange, emptySums } from '../verifier/ballot-sums.js';
import type { BallotChecker } from '../verifier/verify-record.js';
import { decodeSums, type WorkerReply } from './sums-transfer.js';

function runWorker(path: string, from: number, to: number): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-worker.js', import.meta.url), { workerData: { path, from, to } });
    worker.once('message', (m: WorkerReply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`verification worker exited with code ${code}`)));
  });
}

/**
 * Splits the board into one contiguous chunk per worker thread; each worker re-reads the record
 * file, re-derives the context on its own and checks its chunk. The first failure in board order
 * wins. Small boards are checked in this thread.
 */
export function parallelBallotChecker(path: string, workers: number): BallotChecker {
  return async (ctx, record) => {
    const n = record.board.length;
    if (workers <= 1 || n < 4 * workers) return checkBallotRange(ctx, record, 0, n);
    const size = Math.ceil(n / workers);
    const chunks = Array.from({ length: workers }, (_, w) => [w * size, Math.min(n, (w + 1) * size)] as const).filter(([a, b]) => a < b);
    const replies = await Promise.all(chunks.map(([a, b]) => runWorker(path, a, b)));
    const sums = emptySums(ctx.manifest);
    for (const r of replies) {
      if (!r.ok) throw new RecordVerificationError(r.code, r.message);
      addSums(sums, decodeSums(r.sums));
    }
    return sums;
  };
}
