import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { ElectionRecordJson } from '../record/record-types.js';
import { checkBallotRange } from '../verifier/ballot-sums.js';
import { verifierContext } from '../verifier/verifier-context.js';
import { encodeSums, type WorkerReply } from './sums-transfer.js';

/** Worker thread: checks board entries [from, to) of the record file and posts their sums. */
const { path, from, to } = workerData as { path: string; from: number; to: number };
let reply: WorkerReply;
try {
  const record = JSON.parse(await readFile(path, 'utf8')) as ElectionRecordJson;
  reply = { ok: true, sums: encodeSums(checkBallotRange(verifierContext(record), record, from, to)) };
} catch (e) {
  reply = { ok: false, code: (e as { code?: string }).code ?? 'format', message: (e as Error).message };
}
parentPort!.postMessage(reply);
