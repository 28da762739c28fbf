import { pippenger } from '@noble/curves/abstract/curve.js';
import { PointClass, type Point } from './point.js';
import { mod, type Scalar } from './scalar.js';

/** Σ sᵢ·Pᵢ over public inputs, by Pippenger's bucket method (one multi-scalar multiplication). */
export function multiScalarMul(points: Point[], scalars: Scalar[]): Point {
  return pippenger(PointClass, points, scalars.map(mod));
}
