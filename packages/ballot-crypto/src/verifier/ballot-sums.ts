import { IDENTITY, type Point } from '../group/point.js';
import type { ElectionManifest } from '../election/manifest.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import { checkBallotEntries } from './check-ballot-batch.js';
import type { VerifierContext } from './verifier-context.js';

/** Per contest and option: the sums of α and β over a set of checked ballots. */
export type BallotSums = { alpha: Point; beta: Point }[][];

/** All-identity sums for a manifest. */
export function emptySums(manifest: ElectionManifest): BallotSums {
  return manifest.contests.map((c) => c.options.map(() => ({ alpha: IDENTITY, beta: IDENTITY })));
}

/** Adds `b` into `a` in place. */
export function addSums(a: BallotSums, b: BallotSums): void {
  a.forEach((options, ci) => options.forEach((x, oi) => {
    x.alpha = x.alpha.add(b[ci]![oi]!.alpha);
    x.beta = x.beta.add(b[ci]![oi]!.beta);
  }));
}

/** Checks board entries [from, to) in this thread (batched proof equations) and returns the sums of the counted ones. */
export function checkBallotRange(ctx: VerifierContext, record: ElectionRecordJson, from: number, to: number): BallotSums {
  const sums = emptySums(ctx.manifest);
  for (const cts of checkBallotEntries(ctx, record.board.slice(from, to))) if (cts) addSums(sums, cts);
  return sums;
}
