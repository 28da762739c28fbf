import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { multiScalarMul } from '../src/group/msm.js';
import { G, IDENTITY } from '../src/group/point.js';
import { ORDER } from '../src/group/scalar.js';

describe('multi-scalar multiplication', () => {
  it('equals the naive sum for short, long, negative and zero scalars (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.oneof(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.bigInt({ min: 0n, max: ORDER - 1n }), fc.bigInt({ min: -1000n, max: 1000n }))), { maxLength: 40 }),
        (terms) => {
          const points = terms.map(([k]) => G.multiplyUnsafe(BigInt(k)));
          const scalars = terms.map(([, s]) => s);
          const naive = terms.reduce((acc, [k, s]) => acc.add(G.multiplyUnsafe(BigInt(k)).multiplyUnsafe(((s % ORDER) + ORDER) % ORDER)), IDENTITY);
          expect(multiScalarMul(points, scalars).equals(naive)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });
});
