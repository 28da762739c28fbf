import type { Ciphertext } from '../elgamal/ciphertext.js';
import { G, type Point } from '../group/point.js';
import { addScalars, mod, type Scalar } from '../group/scalar.js';
import { BatchVerifier } from './batch-verifier.js';
import type { ProofBinding } from './proof-binding.js';
import { rangeChallenge } from './range-challenge.js';
import type { RangeProof } from './range-proof.js';

/** Inputs of {@link addRangeProofToBatch} and {@link verifyRange}. */
export interface VerifyRangeOptions {
  readonly binding: ProofBinding;
  readonly publicKey: Point;
  readonly ciphertext: Ciphertext;
  readonly lo: number;
  readonly hi: number;
  readonly proof: RangeProof;
}

/**
 * Checks the proof's shape and challenge sum now, and queues its 2·(hi−lo+1) group equations
 * (gᵛ − a − c·α = 0 and hᵛ − b − c·β + c·j·g = 0) into `batch`. Returns false on a shape or
 * challenge failure.
 */
export function addRangeProofToBatch(o: VerifyRangeOptions, batch: BatchVerifier): boolean {
  const { proof, lo, hi, ciphertext, publicKey } = o;
  const n = hi - lo + 1;
  if (proof.commitments.length !== n || proof.challenges.length !== n || proof.responses.length !== n) {
    batch.fail();
    return false;
  }
  let sum: Scalar = 0n;
  for (const c of proof.challenges) sum = addScalars(sum, c);
  if (sum !== rangeChallenge(o.binding, publicKey, ciphertext, lo, hi, proof.commitments)) {
    batch.fail();
    return false;
  }
  const minusOne = mod(-1n);
  for (let i = 0; i < n; i++) {
    const { a, b } = proof.commitments[i]!;
    const c = proof.challenges[i]!;
    const v = proof.responses[i]!;
    batch.addEquation([[v, G], [minusOne, a], [mod(-c), ciphertext.alpha]]);
    batch.addEquation([[v, publicKey], [minusOne, b], [mod(-c), ciphertext.beta], [mod(c * BigInt(lo + i)), G]]);
  }
  return true;
}

/** Verifies one range proof on its own (a batch of one). */
export function verifyRange(o: VerifyRangeOptions): boolean {
  const batch = new BatchVerifier([G, o.publicKey]);
  return addRangeProofToBatch(o, batch) && batch.verify();
}
