import { InvalidInputError } from '../errors.js';
import { invertScalar, mod, mulScalars, type Scalar } from '../group/scalar.js';

/** λ_i = Π_{j≠i} j/(j−i) mod ℓ: the coefficient of member i when interpolating f(0) from `indices`. */
export function lagrangeCoefficient(i: number, indices: readonly number[]): Scalar {
  if (new Set(indices).size !== indices.length) throw new InvalidInputError('duplicate member index');
  let num = 1n;
  let den = 1n;
  for (const j of indices) {
    if (j === i) continue;
    num = mulScalars(num, BigInt(j));
    den = mulScalars(den, mod(BigInt(j - i)));
  }
  return mulScalars(num, invertScalar(den));
}
