import type { ElectionRecordJson } from '../record/record-types.js';
import { checkBallotRange, type BallotSums } from './ballot-sums.js';
import { checkBoardChain } from './check-board-chain.js';
import { checkSignatures } from './check-signatures.js';
import { checkTally } from './check-tally.js';
import { verifierContext, type VerifierContext } from './verifier-context.js';

/** Checks every ballot of the board and returns the per-option sums (may run in parallel). */
export type BallotChecker = (ctx: VerifierContext, record: ElectionRecordJson) => Promise<BallotSums>;

/** Options of {@link verifyElectionRecord}. */
export interface VerifyRecordOptions {
  /** Defaults to checking every ballot in this thread. The CLI passes a worker-thread pool. */
  readonly checkBallots?: BallotChecker;
}

/** Summary of a record that verified. */
export interface VerificationReport {
  readonly ballots: number;
  readonly totals: readonly (readonly number[])[];
  readonly fingerprint: string;
}

/**
 * The independent verifier: re-derives the election context, re-checks the ceremony proofs, the
 * board hash chain and tracking codes, every ballot proof, the aggregate, every partial decryption,
 * the totals, the result hash and the committee's signatures. Throws a
 * {@link RecordVerificationError} whose `code` names the first failed check.
 */
export async function verifyElectionRecord(record: ElectionRecordJson, o: VerifyRecordOptions = {}): Promise<VerificationReport> {
  const ctx = verifierContext(record);
  checkBoardChain(record, ctx.baseHash);
  const sums = await (o.checkBallots ?? (async (c, r) => checkBallotRange(c, r, 0, r.board.length)))(ctx, record);
  checkTally(ctx, record, sums);
  checkSignatures(ctx, record);
  return { ballots: record.board.length, totals: record.tally.totals, fingerprint: record.ceremony.fingerprint };
}
