import { mulPublic } from '../group/multiply.js';
import { IDENTITY, type Point } from '../group/point.js';
import { mod, mulScalars } from '../group/scalar.js';

/**
 * g^(f_i(x)) = Π_j K_ij^(x^j): the public image of member i's polynomial at x, computed from the
 * commitments alone. Used to check a received share.
 */
export function commitmentAt(commitments: readonly Point[], x: number): Point {
  let acc = IDENTITY;
  let power = 1n;
  const bx = mod(BigInt(x));
  for (const K of commitments) {
    acc = acc.add(mulPublic(K, power));
    power = mulScalars(power, bx);
  }
  return acc;
}

/**
 * The public verification key g^(s_ℓ) of member ℓ, where s_ℓ = Σ_i f_i(ℓ) is its key share.
 * Anyone can compute it from the commitments; partial decryptions are checked against it.
 */
export function verificationKey(allCommitments: readonly (readonly Point[])[], memberIndex: number): Point {
  return allCommitments.reduce((acc, c) => acc.add(commitmentAt(c, memberIndex)), IDENTITY);
}
