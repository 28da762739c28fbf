import { InvalidInputError } from '../errors.js';
import { mulBase, mulSecret } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, type RandomSource } from '../group/random.js';
import { halveScalar, mod, type Scalar } from '../group/scalar.js';

/**
 * The first move of a range proof, before the Fiat–Shamir challenge: per branch j, the nonce u,
 * the simulated challenge c (replaced on the real branch later) and the HALVES aⱼ/2, bⱼ/2 of the
 * commitments, which {@link doubleAndEncode} doubles and encodes together with the rest of the
 * ballot.
 */
export interface RangeCommitment {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** a₀/2, b₀/2, a₁/2, b₁/2, … */
  readonly halves: readonly Point[];
  readonly nonces: readonly Scalar[];
  readonly challenges: readonly Scalar[];
}

/**
 * Commits to a proof that an encryption of `value` under `publicKey` lies in [lo, hi]. Simulated
 * branches are built from the encryption nonce directly (aⱼ = g^uⱼ, bⱼ = h^uⱼ·g^(−(m−j)cⱼ)), so
 * every commitment is a fixed-base multiplication; the real branch does the same amount of work on
 * a dummy scalar.
 */
export function commitRange(
  value: number,
  lo: number,
  hi: number,
  publicKey: Point,
  random: RandomSource,
): RangeCommitment {
  if (!(lo <= value && value <= hi)) throw new InvalidInputError(`value ${value} is outside [${lo}, ${hi}]`);
  const halves: Point[] = [];
  const nonces: Scalar[] = [];
  const challenges: Scalar[] = [];
  for (let j = lo; j <= hi; j++) {
    const u = randomScalar(random);
    const c = randomScalar(random);
    const t = mod(BigInt(-(value - j)) * c);
    const gt = mulBase(halveScalar(j === value ? randomScalar(random) : t)); // dummy work on the real branch
    const uHalf = halveScalar(u);
    const hu = mulSecret(publicKey, uHalf);
    halves.push(mulBase(uHalf), j === value ? hu : hu.add(gt));
    nonces.push(u);
    challenges.push(c);
  }
  return { value, lo, hi, halves, nonces, challenges };
}
