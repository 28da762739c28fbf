import { randomScalar, type RandomSource } from '../group/random.js';
import { addScalars, mod, mulScalars, type Scalar } from '../group/scalar.js';

/** A random polynomial of degree `threshold − 1` (its coefficients a₀..a_{k−1}). */
export function randomPolynomial(threshold: number, random: RandomSource): Scalar[] {
  return Array.from({ length: threshold }, () => randomScalar(random));
}

/** f(x) by Horner's rule, modulo ℓ. */
export function evaluatePolynomial(coefficients: readonly Scalar[], x: number): Scalar {
  let acc = 0n;
  const bx = mod(BigInt(x));
  for (let i = coefficients.length - 1; i >= 0; i--) acc = addScalars(mulScalars(acc, bx), coefficients[i]!);
  return acc;
}
