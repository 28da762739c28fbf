import { describe, expect, it } from '@jest/globals';
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { toHex } from '../src/encoding/bytes.js';
import * as pkg from '../src/index.js';
import { edwardsOf } from '../src/group/edwards-of.js';
import {
  G,
  IDENTITY,
  decodePoints,
  encodePoint,
  encodePoints,
  hasCachedEncoding,
  rememberEncoding,
  type Point,
} from '../src/group/point.js';
import { encodeRistretto, ristrettoEncoderAccelerated } from '../src/group/ristretto-encoder.js';
import { ORDER } from '../src/group/scalar.js';
import { FIELD_P } from '../src/group/wasm-edwards.js';
import { INVSQRT_A_MINUS_D, SQRT_M1 } from '../src/group/wasm-ristretto.js';
import { SMALL_MULTIPLES, withoutWebAssembly } from './wasm-helpers.js';

const P = FIELD_P;
const Fp = ed25519.Point.Fp;
const hex = (list: readonly Uint8Array[]): string[] => list.map(toHex);
const noble = (points: readonly Point[]): string[] => points.map((p) => toHex(p.toBytes()));

/** B·0 … B·15 by repeated additions (projective Z ≠ 1 from B·2 on). */
function smallMultiples(): Point[] {
  const out: Point[] = [IDENTITY];
  for (let k = 1; k < 16; k++) out.push(out[k - 1]!.add(G));
  return out;
}

/** The same ristretto element with its Edwards representative's coordinates all scaled by λ ≠ 0. */
function rescaled(p: Point, lambda: bigint): Point {
  const { X, Y, Z, T } = edwardsOf(p);
  const l = Fp.create(lambda) || 1n;
  return new ristretto255.Point(new ed25519.Point(Fp.mul(X, l), Fp.mul(Y, l), Fp.mul(Z, l), Fp.mul(T, l)));
}

/** The 4-torsion points of edwards25519: adding one changes the representative, not the element. */
const TORSION = [
  new ed25519.Point(0n, 1n, 1n, 0n),
  new ed25519.Point(SQRT_M1, 0n, 1n, 0n),
  new ed25519.Point(0n, P - 1n, 1n, 0n),
  new ed25519.Point(P - SQRT_M1, 0n, 1n, 0n),
];
const withTorsion = (p: Point, i: number): Point => new ristretto255.Point(edwardsOf(p).add(TORSION[i & 3]!));

/** Points from a chain of additions, doublings, negations and multiplications. */
const arbPoints = (min: number, max: number): fc.Arbitrary<Point[]> =>
  fc
    .array(
      fc.record({
        k: fc.bigInt({ min: 0n, max: ORDER - 1n }),
        op: fc.constantFrom('add', 'double', 'negate', 'multiply', 'subtract', 'torsion', 'rescale'),
        lambda: fc.bigInt({ min: 1n, max: P - 1n }),
      }),
      { minLength: min, maxLength: max },
    )
    .map((steps) => {
      let acc = G.multiply(7n);
      return steps.map(({ k, op, lambda }, i) => {
        const q = G.multiplyUnsafe(k);
        if (op === 'add') acc = acc.add(q);
        else if (op === 'double') acc = acc.double();
        else if (op === 'negate') acc = acc.negate();
        else if (op === 'multiply') acc = acc.multiplyUnsafe(k === 0n ? 1n : k);
        else if (op === 'subtract') acc = acc.subtract(q);
        else if (op === 'torsion') acc = withTorsion(acc, i);
        else acc = rescaled(acc, lambda);
        return acc;
      });
    });

describe('ristretto255 encoding in WebAssembly', () => {
  it('is available here (WebAssembly SIMD) and uses the right constants', () => {
    expect(ristrettoEncoderAccelerated()).toBe(true);
    const sqrtAMinusD = Fp.sqrt(Fp.sub(P - 1n, ed25519.Point.CURVE().d)); // √(a − d), a = −1
    expect(
      Fp.mul(INVSQRT_A_MINUS_D, sqrtAMinusD) === 1n || Fp.mul(INVSQRT_A_MINUS_D, sqrtAMinusD) === P - 1n,
    ).toBe(true);
    expect(Fp.sqr(INVSQRT_A_MINUS_D)).toBe(Fp.inv(Fp.sub(P - 1n, ed25519.Point.CURVE().d)));
    expect(Fp.sqr(SQRT_M1)).toBe(P - 1n);
  });

  it('encodes the RFC 9496 small multiples of the base point (A.1), with Z ≠ 1 and rescaled', () => {
    const points = smallMultiples();
    expect(edwardsOf(points[5]!).Z).not.toBe(1n);
    expect(hex(encodeRistretto(points))).toEqual(SMALL_MULTIPLES);
    expect(hex(encodeRistretto(points.map((p, i) => rescaled(p, BigInt(i) * 0x1234567n + 3n))))).toEqual(
      SMALL_MULTIPLES,
    );
    expect(hex(encodeRistretto(points.map(withTorsion)))).toEqual(SMALL_MULTIPLES);
    expect(hex(encodeRistretto(points, { wasm: false }))).toEqual(SMALL_MULTIPLES);
    // one at a time (the other lane empty)
    points.forEach((p, i) => expect(toHex(encodeRistretto([p])[0]!)).toBe(SMALL_MULTIPLES[i]));
  });

  it('encodes the identity as 32 zero bytes, in any representation', () => {
    const zero = '00'.repeat(32);
    const someP = G.multiply(12345n);
    const identities = [
      IDENTITY,
      someP.subtract(someP),
      someP.add(someP.negate()),
      rescaled(IDENTITY, 99n),
      ...TORSION.map((t) => new ristretto255.Point(t)),
      ...TORSION.map((t) => new ristretto255.Point(t.add(t.double().double()).double())), // Z ≠ 1
    ];
    expect(identities.every((p) => p.equals(IDENTITY))).toBe(true);
    expect(hex(encodeRistretto(identities))).toEqual(identities.map(() => zero));
    expect(hex(encodeRistretto([IDENTITY]))).toEqual([zero]);
  });

  it('gives exactly noble’s toBytes() for points from additions, doublings, negations, multiplications (property)', () => {
    fc.assert(
      fc.property(arbPoints(1, 9), (points) => {
        expect(hex(encodeRistretto(points))).toEqual(noble(points));
      }),
      { numRuns: 60 },
    );
  });

  it('gives exactly noble’s toBytes() for random multiples, one or two per pass (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: ORDER - 1n }),
        fc.bigInt({ min: 1n, max: ORDER - 1n }),
        (a, b) => {
          const pa = G.multiplyUnsafe(a);
          const pb = G.multiplyUnsafe(b).add(pa);
          expect(hex(encodeRistretto([pa, pb]))).toEqual(noble([pa, pb]));
          expect(toHex(encodeRistretto([pb])[0]!)).toBe(toHex(pb.toBytes()));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('encodes batches spanning several calls of the module (601 points, odd)', () => {
    const points: Point[] = [];
    let p = G.multiply(0xdecafn);
    const step = G.multiply(0xbeefn);
    for (let i = 0; i < 601; i++) {
      points.push(i % 5 === 0 ? p.negate() : p);
      p = i % 3 === 0 ? p.double() : p.add(step);
    }
    points[300] = IDENTITY; // in the second call
    expect(hex(encodeRistretto(points))).toEqual(noble(points));
    expect(hex(encodeRistretto(points.slice(0, 513)))).toEqual(noble(points.slice(0, 513)));
    expect(encodeRistretto([])).toEqual([]);
  });

  it('round-trips with the decoder', () => {
    fc.assert(
      fc.property(arbPoints(1, 6), (points) => {
        const nonZero = points.filter((q) => !q.equals(IDENTITY));
        const encoded = encodeRistretto(nonZero);
        const decoded = decodePoints(encoded);
        decoded.forEach((q, i) => expect(q.equals(nonZero[i]!)).toBe(true));
        expect(hex(encodeRistretto(decoded))).toEqual(hex(encoded));
      }),
      { numRuns: 30 },
    );
  });
});

describe('encodePoints / encodePoint', () => {
  it('are exported by the package', () => {
    expect(pkg.encodePoints).toBe(encodePoints);
    expect(pkg.encodePoint).toBe(encodePoint);
  });

  it('encode like noble and fill the cache that encodePoint reads', () => {
    const points = smallMultiples().slice(1);
    points.forEach((p) => expect(hasCachedEncoding(p)).toBe(false));
    const encoded = encodePoints(points);
    expect(hex(encoded)).toEqual(SMALL_MULTIPLES.slice(1));
    points.forEach((p, i) => {
      expect(hasCachedEncoding(p)).toBe(true);
      expect(encodePoint(p)).toBe(encoded[i]); // the cached array, not recomputed
    });
    expect(encodePoints(points)).toEqual(encoded);
    encodePoints(points).forEach((b, i) => expect(b).toBe(encoded[i]));
  });

  it('return cached encodings without recomputation, and encode only the others', () => {
    const a = G.multiply(11n).add(G);
    const b = G.multiply(13n).double();
    const c = b.negate();
    const cachedA = encodePoint(a);
    const out = encodePoints([a, b, c, b, a]);
    expect(out[0]).toBe(cachedA);
    expect(out[4]).toBe(cachedA);
    expect(out[1]).toBe(out[3]); // one array for the same point twice
    expect(hex(out)).toEqual(noble([a, b, c, b, a]));
    // what the cache holds comes back as it is: nothing recomputed
    const d = G.multiply(17n).double();
    const marker = new Uint8Array(32).fill(7);
    rememberEncoding(d, marker);
    expect(encodePoints([b, d])[1]).toBe(marker);
  });

  it('encodePoint (single point) gives noble’s bytes, with and without WebAssembly', () => {
    for (const k of [1n, 2n, 3n, 1234567n, ORDER - 1n]) {
      const p = G.multiplyUnsafe(k).add(G.double());
      const q = rescaled(p, k + 5n);
      expect(toHex(encodePoint(p))).toBe(toHex(p.toBytes()));
      expect(toHex(encodePoint(q, { wasm: false }))).toBe(toHex(p.toBytes()));
    }
    expect(toHex(encodePoint(IDENTITY.add(IDENTITY)))).toBe('00'.repeat(32));
  });

  it('encodePoints with wasm: false gives the same bytes', () => {
    const points = Array.from({ length: 9 }, (_, i) => G.multiplyUnsafe(BigInt(i * i + 2)).negate());
    const expected = noble(points);
    expect(hex(encodePoints(points, { wasm: false }))).toEqual(expected);
    expect(hex(encodePoints(points.map((p) => p.add(IDENTITY))))).toEqual(expected);
  });
});

describe('ristretto255 encoding without WebAssembly', () => {
  it('falls back to noble where WebAssembly is missing, with the same bytes', async () => {
    await withoutWebAssembly(async () => {
      const encoder = await import('../src/group/ristretto-encoder.js');
      const point = await import('../src/group/point.js');
      expect(encoder.ristrettoEncoderAccelerated()).toBe(false);
      const points = smallMultiples();
      expect(hex(encoder.encodeRistretto(points))).toEqual(SMALL_MULTIPLES);
      const fresh = points.map((p) => p.add(IDENTITY));
      expect(hex(point.encodePoints(fresh))).toEqual(SMALL_MULTIPLES);
      expect(point.hasCachedEncoding(fresh[3]!)).toBe(true);
      expect(toHex(point.encodePoint(G.multiply(9n)))).toBe(SMALL_MULTIPLES[9]);
    });
  });
});
