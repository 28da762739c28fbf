import type { ed25519, ristretto255 } from '@noble/curves/ed25519.js';

type EdwardsPoint = InstanceType<typeof ed25519.Point>;

/**
 * The Edwards representative behind a ristretto255 element (noble keeps it `protected`). A leaf
 * module (noble types only), so that point.ts's encoder can use it without an import cycle.
 */
export const edwardsOf = (p: InstanceType<typeof ristretto255.Point>): EdwardsPoint =>
  (p as unknown as { ep: EdwardsPoint }).ep;
