import { FixedBaseTable } from './fixed-base.js';
import { G, IDENTITY, type Point } from './point.js';
import { mod, type Scalar } from './scalar.js';

let gTable: FixedBaseTable | undefined;
/** Bases registered by {@link precomputeBase}; their table is built on first use. */
const tables = new WeakMap<Point, FixedBaseTable | null>();

/**
 * g^s for a secret scalar, through the fixed-base comb of {@link FixedBaseTable} (one mixed
 * addition per 6-bit window, scalar-independent operation sequence). Zero maps to the identity.
 */
export function mulBase(s: Scalar): Point {
  const r = mod(s);
  if (r === 0n) return IDENTITY;
  gTable ??= new FixedBaseTable(G);
  return gTable.multiply(r);
}

/**
 * p^s for a secret scalar: the fixed-base comb when p was registered with {@link precomputeBase}
 * (the election key), noble's constant-time-by-design `multiply` otherwise.
 */
export function mulSecret(p: Point, s: Scalar): Point {
  const r = mod(s);
  if (r === 0n) return IDENTITY;
  const table = tables.get(p);
  if (table === undefined) return p.multiply(r);
  if (table) return table.multiply(r);
  const built = new FixedBaseTable(p);
  tables.set(p, built);
  return built.multiply(r);
}

/** p^s for public inputs only (variable-time, faster). */
export function mulPublic(p: Point, s: Scalar): Point {
  return p.multiplyUnsafe(mod(s));
}

/**
 * Registers a base that will be multiplied by many secret scalars (the election public key): its
 * fixed-base table (1,408 affine points, ~10 ms) is built on the first {@link mulSecret}.
 */
export function precomputeBase(p: Point): Point {
  if (!tables.has(p)) tables.set(p, null);
  return p;
}
