import type { Ciphertext } from '../elgamal/ciphertext.js';
import { InvalidInputError } from '../errors.js';
import { mulBase, mulSecret } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, systemRandom, type RandomSource } from '../group/random.js';
import { addScalars, mod, mulScalars, subScalars, type Scalar } from '../group/scalar.js';
import type { ProofBinding } from './proof-binding.js';
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

/**
 * Proves that `ciphertext` encrypts `value` ∈ [lo, hi] without revealing which. Simulated branches
 * are built from the nonce directly (aⱼ = g^uⱼ, bⱼ = h^uⱼ·g^(−(m−j)cⱼ)), so every commitment is a
 * fixed-base multiplication; the real branch does the same amount of work on a dummy scalar.
 */
export function proveRange(o: ProveRangeOptions): RangeProof {
  const { value: m, nonce: rho, lo, hi } = o;
  if (!(lo <= m && m <= hi)) throw new InvalidInputError(`value ${m} is outside [${lo}, ${hi}]`);
  const random = o.random ?? systemRandom;
  const n = hi - lo + 1;
  const commitments: BranchCommitment[] = [];
  const challenges: Scalar[] = [];
  const us: Scalar[] = [];
  for (let i = 0; i < n; i++) {
    const j = lo + i;
    const u = randomScalar(random);
    const c = randomScalar(random);
    const t = mod(BigInt(-(m - j)) * c);
    const gt = mulBase(j === m ? randomScalar(random) : t); // dummy work on the real branch
    const a = mulBase(u);
    const hu = mulSecret(o.publicKey, u);
    commitments.push({ a, b: j === m ? hu : hu.add(gt) });
    challenges.push(c);
    us.push(u);
  }
  const total = rangeChallenge(o.binding, o.publicKey, o.ciphertext, lo, hi, commitments);
  const real = m - lo;
  let others = 0n;
  for (let i = 0; i < n; i++) if (i !== real) others = addScalars(others, challenges[i]!);
  challenges[real] = subScalars(total, others);
  // v = u + ρ·c on every branch (on the real one, u is the commitment nonce w).
  const responses = us.map((u, i) => addScalars(u, mulScalars(rho, challenges[i]!)));
  return { commitments, challenges, responses };
}
