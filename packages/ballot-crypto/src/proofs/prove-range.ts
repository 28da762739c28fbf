import type { Ciphertext } from '../elgamal/ciphertext.js';
import { doubleAndEncode } from '../group/double-and-encode.js';
import type { Point } from '../group/point.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { addScalars, mulScalars, subScalars, type Scalar } from '../group/scalar.js';
import type { ProofBinding } from './proof-binding.js';
import { commitRange, type RangeCommitment } from './range-commitment.js';
import { rangeChallenge } from './range-challenge.js';
import type { BranchCommitment, RangeProof } from './range-proof.js';

/** Inputs of {@link proveRange}. */
export interface ProveRangeOptions {
  readonly binding: ProofBinding;
  readonly publicKey: Point;
  readonly ciphertext: Ciphertext;
  /** The encrypted value (secret). */
  readonly value: number;
  /** The encryption nonce (secret). */
  readonly nonce: Scalar;
  readonly lo: number;
  readonly hi: number;
  readonly random?: RandomSource;
}

/** The statement a committed range proof answers for. */
export type RangeStatement = Pick<ProveRangeOptions, 'binding' | 'publicKey' | 'ciphertext' | 'nonce'>;

/**
 * Completes a range proof: `commitments` are the doubled {@link RangeCommitment.halves}. The real
 * branch's challenge is the Fiat–Shamir challenge minus the simulated ones.
 */
export function answerRange(
  s: RangeStatement,
  k: RangeCommitment,
  commitments: readonly Point[],
): RangeProof {
  const branches: BranchCommitment[] = [];
  for (let i = 0; i < commitments.length; i += 2)
    branches.push({ a: commitments[i]!, b: commitments[i + 1]! });
  const total = rangeChallenge(s.binding, s.publicKey, s.ciphertext, k.lo, k.hi, branches);
  const real = k.value - k.lo;
  const challenges = [...k.challenges];
  let others = 0n;
  for (let i = 0; i < challenges.length; i++) if (i !== real) others = addScalars(others, challenges[i]!);
  challenges[real] = subScalars(total, others);
  // v = u + ρ·c on every branch (on the real one, u is the commitment nonce w).
  const responses = k.nonces.map((u, i) => addScalars(u, mulScalars(s.nonce, challenges[i]!)));
  return { commitments: branches, challenges, responses };
}

/** Proves that `ciphertext` encrypts `value` ∈ [lo, hi] without revealing which. */
export function proveRange(o: ProveRangeOptions): RangeProof {
  const k = commitRange(o.value, o.lo, o.hi, o.publicKey, o.random ?? systemRandom);
  return answerRange(o, k, doubleAndEncode(k.halves));
}
