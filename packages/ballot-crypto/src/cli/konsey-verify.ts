#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { BallotCryptoError } from '../errors.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import { verifyElectionRecord } from '../verifier/verify-record.js';
import { parallelBallotChecker } from './parallel-ballot-checker.js';

const USAGE = 'usage: konsey-verify <record.json> [--workers N]';

/** `konsey-verify <record.json>`: exit 0 if the record verifies, 1 naming the first failure, 2 on usage errors. */
async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let workers = availableParallelism();
  const w = args.indexOf('--workers');
  if (w >= 0) {
    workers = Number(args[w + 1]);
    args.splice(w, 2);
  }
  if (args.length !== 1 || !Number.isInteger(workers) || workers < 1) {
    console.error(USAGE);
    return 2;
  }
  const path = resolve(args[0]!);
  let record: ElectionRecordJson;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as ElectionRecordJson;
  } catch (e) {
    console.error(`konsey-verify: cannot read ${path}: ${(e as Error).message}`);
    return 2;
  }
  const started = performance.now();
  try {
    const report = await verifyElectionRecord(record, { checkBallots: parallelBallotChecker(path, workers) });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`OK  ${record.manifest.electionId}: ${report.ballots} ballots verified in ${seconds} s on ${workers} threads; key fingerprint ${report.fingerprint}`);
    if (report.counted !== report.ballots) console.log(`  ${report.counted} counted, ${report.refused} refused, ${report.superseded} superseded`);
    record.manifest.contests.forEach((c, ci) => {
      console.log(`  ${c.title}`);
      c.options.forEach((o, oi) => console.log(`    ${String(report.totals[ci]![oi]).padStart(8)}  ${o}`));
    });
    return 0;
  } catch (e) {
    const code = e instanceof BallotCryptoError ? e.code : 'error';
    console.error(`FAIL [${code}] ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
