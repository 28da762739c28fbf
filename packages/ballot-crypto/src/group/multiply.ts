import { G, type Point } from './point.js';
import { mod, type Scalar } from './scalar.js';
import { IDENTITY } from './point.js';

/**
 * g^s for a secret scalar, through noble's constant-time-by-design `multiply` (fixed-base table).
 * Zero maps to the identity (noble refuses 0 in `multiply`).
 */
export function mulBase(s: Scalar): Point {
  const r = mod(s);
  return r === 0n ? IDENTITY : G.multiply(r);
}

/** p^s for a secret scalar (constant-time-by-design path). */
export function mulSecret(p: Point, s: Scalar): Point {
  const r = mod(s);
  return r === 0n ? IDENTITY : p.multiply(r);
}

/** p^s for public inputs only (variable-time, faster). */
export function mulPublic(p: Point, s: Scalar): Point {
  return p.multiplyUnsafe(mod(s));
}

/**
 * Prepares a window table for a base that will be multiplied many times (the election public key),
 * so `mulSecret(h, s)` costs about as much as `mulBase(s)`.
 */
export function precomputeBase(p: Point): Point {
  p.precompute(8);
  return p;
}
