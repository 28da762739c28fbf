import { RecordVerificationError } from '../errors.js';
import type { BoardEntryJson } from '../record/record-types.js';
import { entryStatus } from './board-status.js';
import { checkBallotEntry, type CheckedCiphertexts, type ProofCheck } from './check-ballot-entry.js';
import { checkDisjunction } from './check-disjunction.js';
import { fail } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

/**
 * A refused entry must NOT be a valid ballot. Its proofs are checked one equation at a time, never
 * in a batch (a refused ballot's failing equation would fail the whole batch). The ballot hash is
 * still checked when the ballot decodes; a ballot that does not decode is rightly refused.
 */
function checkRefusedEntry(ctx: VerifierContext, entry: BoardEntryJson): void {
  let reason: string | null = null;
  try {
    checkBallotEntry(ctx, entry, (s, p) => {
      reason ??= checkDisjunction(s, p);
      return null;
    });
  } catch (e) {
    // A TypeError here is a ballot whose JSON does not even have the ballot's shape.
    if (!(e instanceof RecordVerificationError) || e.code === 'ballot-encoding') return;
    throw e;
  }
  if (reason === null)
    fail(
      'refusal',
      `board position ${entry.position} is refused, but its ballot is valid: every proof verifies`,
    );
}

/** A superseded entry must be a valid ballot: its proof or encoding failures are supersession failures. */
function checkSupersededEntry(ctx: VerifierContext, entry: BoardEntryJson, check: ProofCheck): void {
  try {
    checkBallotEntry(ctx, entry, check);
  } catch (e) {
    if (e instanceof RecordVerificationError && (e.code === 'ballot-proof' || e.code === 'ballot-encoding')) {
      fail(
        'supersession',
        `${e.message} (board position ${entry.position} is superseded, so its ballot must be valid)`,
      );
    }
    throw e;
  }
}

/**
 * Checks one board entry as its status requires and returns its ciphertexts if it is counted
 * (null otherwise). `check` is used for counted and superseded entries only.
 */
export function checkStatusEntry(
  ctx: VerifierContext,
  entry: BoardEntryJson,
  check: ProofCheck = checkDisjunction,
): CheckedCiphertexts | null {
  switch (entryStatus(entry)) {
    case 'counted':
      return checkBallotEntry(ctx, entry, check);
    case 'superseded':
      checkSupersededEntry(ctx, entry, check);
      return null;
    case 'refused':
      checkRefusedEntry(ctx, entry);
      return null;
  }
}
