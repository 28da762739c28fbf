import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { doubleAndEncode } from '../src/group/double-and-encode.js';
import { G, IDENTITY, decodePoint, encodePoint, type Point } from '../src/group/point.js';
import { ORDER, halveScalar, mulScalars } from '../src/group/scalar.js';

/** A point in one of the forms the encoder meets: from arithmetic (Z ≠ 1), negated, decoded (Z = 1). */
const pointArb = fc
  .tuple(fc.bigInt({ min: 1n, max: ORDER - 1n }), fc.integer({ min: 0, max: 2 }))
  .map(([s, form]): Point => {
    const p = G.multiplyUnsafe(s).add(G.multiplyUnsafe(7n));
    return form === 0 ? p : form === 1 ? p.negate() : decodePoint(p.toBytes(), 'p', { allowIdentity: true });
  });

describe('doubleAndEncode (one inversion per batch)', () => {
  it('returns 2·Q with the canonical encoding noble computes on its own (property)', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 12 }), (halves) => {
        const doubled = doubleAndEncode(halves);
        doubled.forEach((p, i) => {
          expect(p.equals(halves[i]!.double())).toBe(true);
          expect(encodePoint(p)).toEqual(halves[i]!.double().toBytes());
        });
      }),
      { numRuns: 40 },
    );
  });

  it('encodes the identity as zero bytes, in the middle of a batch', () => {
    const [a, zero, b] = doubleAndEncode([G, IDENTITY, G.negate()]);
    expect(encodePoint(zero!)).toEqual(new Uint8Array(32));
    expect(encodePoint(a!)).toEqual(G.double().toBytes());
    expect(encodePoint(b!)).toEqual(G.double().negate().toBytes());
  });

  it('doubles the half of a scalar back to the scalar', () => {
    const s = 123456789123456789n;
    const [p] = doubleAndEncode([G.multiply(halveScalar(s))]);
    expect(encodePoint(p!)).toEqual(G.multiply(s).toBytes());
    expect(mulScalars(halveScalar(s), 2n)).toBe(s);
  });
});
