import { describe, expect, it } from '@jest/globals';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { PointAccumulator } from '../src/group/point-accumulator.js';
import { G, IDENTITY, decodePoint, encodePoint, type Point } from '../src/group/point.js';
import { ORDER } from '../src/group/scalar.js';
import { FIELD_P, K2D_LIMBS, fromLimbs } from '../src/group/wasm-edwards.js';

/** A point from a small seed: decoded (Z = 1, the server's case), or straight from arithmetic (Z ≠ 1), or the identity. */
const pointArb = fc.tuple(fc.bigInt({ min: 0n, max: ORDER - 1n }), fc.integer({ min: 0, max: 2 })).map(([s, form]): Point => {
  if (s === 0n) return IDENTITY;
  const p = G.multiplyUnsafe(s).add(G);
  return form === 0 ? decodePoint(encodePoint(p), 'p', { allowIdentity: true }) : form === 1 ? p : p.negate();
});

describe('PointAccumulator (WebAssembly limb adder)', () => {
  it('uses the curve constant 2d', () => {
    expect(fromLimbs(K2D_LIMBS)).toBe((2n * ed25519.Point.CURVE().d) % FIELD_P);
  });

  it('equals the naive noble sum for random points, forms and batch counts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((slots) => fc.array(fc.array(pointArb, { minLength: slots, maxLength: slots }), { maxLength: 6 })), fc.integer({ min: 1, max: 5 }), (batches, width) => {
        const slots = batches[0]?.length ?? width;
        const fast = new PointAccumulator(slots);
        expect(fast.accelerated).toBe(true);
        const slow = new PointAccumulator(slots, { wasm: false });
        const naive = Array.from({ length: slots }, () => IDENTITY);
        for (const batch of batches) {
          fast.addAll(batch);
          slow.addAll(batch);
          batch.forEach((p, k) => (naive[k] = naive[k]!.add(p)));
        }
        fast.sums().forEach((s, k) => expect(encodePoint(s)).toEqual(encodePoint(naive[k]!)));
        slow.sums().forEach((s, k) => expect(s.equals(naive[k]!)).toBe(true));
      }),
      { numRuns: 40 },
    );
  });

  it('stays exact over many additions (limb growth, doubling, inverse pairs)', () => {
    const p = decodePoint(encodePoint(G.multiplyUnsafe(123456789n)));
    const acc = new PointAccumulator(3);
    for (let i = 0; i < 2000; i++) acc.addAll([p, i % 2 ? p.negate() : p, G]);
    const [a, b, c] = acc.sums();
    expect(a!.equals(p.multiplyUnsafe(2000n))).toBe(true);
    expect(b!.equals(IDENTITY)).toBe(true);
    expect(c!.equals(G.multiplyUnsafe(2000n))).toBe(true);
  });

  it('rejects a batch of the wrong size', () => {
    expect(() => new PointAccumulator(2).addAll([G])).toThrow(RangeError);
  });
});
