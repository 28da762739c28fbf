import type { ElectionRecordJson } from '../record/record-types.js';
import { checkBallotRange, type BallotSums } from './ballot-sums.js';
import { entryStatus } from './board-status.js';
import { checkBoardChain } from './check-board-chain.js';
import { checkSignatures } from './check-signatures.js';
import { checkTally } from './check-tally.js';
import { checkVoters } from './check-voters.js';
import { verifierContext, type VerifierContext } from './verifier-context.js';

/** Checks every ballot of the board and returns the per-option sums of the counted ones (may run in parallel). */
export type BallotChecker = (ctx: VerifierContext, record: ElectionRecordJson) => Promise<BallotSums>;

/** Options of {@link verifyElectionRecord}. */
export interface VerifyRecordOptions {
  /** Defaults to checking every ballot in this thread. The CLI passes a worker-thread pool. */
  readonly checkBallots?: BallotChecker;
}

/** Summary of a record that verified. */
export interface VerificationReport {
  /** Board entries checked, whatever their status. */
  readonly ballots: number;
  readonly counted: number;
  readonly refused: number;
  readonly superseded: number;
  readonly totals: readonly (readonly number[])[];
  readonly fingerprint: string;
}

/**
 * The independent verifier: re-derives the election context, re-checks the ceremony proofs, the
 * board hash chain and tracking codes, every ballot proof (counted and superseded ballots must be
 * valid, refused ones must not be), that each voter has at most one counted ballot and that each
 * superseded ballot is replaced by a later counted one, the aggregate of the counted ballots, every
 * partial decryption, the totals, the result hash and the committee's signatures. Throws a
 * {@link RecordVerificationError} whose `code` names the first failed check.
 */
export async function verifyElectionRecord(record: ElectionRecordJson, o: VerifyRecordOptions = {}): Promise<VerificationReport> {
  const ctx = verifierContext(record);
  const statuses = record.board.map(entryStatus);
  checkBoardChain(record, ctx.baseHash);
  const sums = await (o.checkBallots ?? (async (c, r) => checkBallotRange(c, r, 0, r.board.length)))(ctx, record);
  checkVoters(record);
  checkTally(ctx, record, sums);
  checkSignatures(ctx, record);
  const count = (s: string): number => statuses.filter((x) => x === s).length;
  return {
    ballots: record.board.length,
    counted: count('counted'),
    refused: count('refused'),
    superseded: count('superseded'),
    totals: record.tally.totals,
    fingerprint: record.ceremony.fingerprint,
  };
}
