import type { ElectionContext } from '../election/election-context.js';
import { InvalidProofError } from '../errors.js';
import { G } from '../group/point.js';
import type { RandomSource } from '../group/random.js';
import { BatchVerifier } from '../proofs/batch-verifier.js';
import { addRangeProofToBatch, verifyRange } from '../proofs/verify-range.js';
import { ballotProofStatements as proofsOf, type NamedProof } from './ballot-proof-statements.js';
import type { EncryptedBallot } from './encrypted-ballot.js';

/** Options of {@link verifyBallots}. */
export interface VerifyBallotsOptions {
  readonly context: ElectionContext;
  readonly ballots: readonly EncryptedBallot[];
  /** Source of the batch weights; defaults to the system CSPRNG. */
  readonly random?: RandomSource;
  /**
   * false: the batch's multi-scalar multiplication with noble's BigInt Pippenger instead of the
   * WebAssembly one (same result; for tests and benchmarks). Default: WebAssembly where available.
   */
  readonly wasm?: boolean;
}

/**
 * Server-side verification of many ballots with ONE multi-scalar multiplication for all their
 * proofs. Returns per ballot `null` (valid) or the error naming the first failed proof; on a batch
 * failure each ballot is re-checked on its own to find the culprits.
 */
export function verifyBallots(o: VerifyBallotsOptions): (InvalidProofError | Error | null)[] {
  const results: (Error | null)[] = [];
  const batch = new BatchVerifier(
    [G, o.context.publicKey],
    o.random,
    o.wasm === false ? { wasm: false } : {},
  );
  const proofs: NamedProof[][] = [];
  for (const ballot of o.ballots) {
    try {
      const ps = proofsOf(o.context, ballot);
      const bad = ps.find((p) => !addRangeProofToBatch(p.check, batch));
      proofs.push(ps);
      results.push(bad ? new InvalidProofError(`${bad.name} does not verify`) : null);
    } catch (e) {
      proofs.push([]);
      results.push(e as Error);
    }
  }
  // A failed shape or challenge already marked the batch failed: fall back to per-proof checks.
  if (batch.verify()) return results;
  return results.map((r, i) => {
    if (r) return r;
    const bad = proofs[i]!.find((p) => !verifyRange(p.check));
    return bad ? new InvalidProofError(`${bad.name} does not verify`) : null;
  });
}

/** Verifies one ballot; throws a {@link InvalidProofError} (or encoding/shape error) naming the failure. */
export function verifyBallot(context: ElectionContext, ballot: EncryptedBallot, random?: RandomSource): void {
  const [error] = verifyBallots({ context, ballots: [ballot], ...(random ? { random } : {}) });
  if (error) throw error;
}
