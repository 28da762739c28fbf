import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from '../src/encoding/base64url.js';
import { fromHex } from '../src/encoding/bytes.js';
import { Transcript } from '../src/encoding/transcript.js';
import { G, IDENTITY, decodePoint, encodePoint } from '../src/group/point.js';
import { ORDER, decodeScalar, encodeScalar } from '../src/group/scalar.js';
import { randomScalar, seededRandom } from '../src/group/random.js';
import { DiscreteLogSolver } from '../src/tally/discrete-log.js';
import { lagrangeCoefficient } from '../src/tally/lagrange.js';
import { evaluatePolynomial } from '../src/ceremony/polynomial.js';
import { mod } from '../src/group/scalar.js';

// RFC 9496 §A.2: non-canonical field encodings, negative field elements, non-square x², etc.
const BAD_ENCODINGS = [
  '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20',
  '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

describe('group encodings', () => {
  it.each(BAD_ENCODINGS)('rejects the RFC 9496 bad encoding %s', (hex) => {
    expect(() => decodePoint(fromHex(hex))).toThrow(expect.objectContaining({ code: 'non-canonical-point' }));
  });

  it('rejects the identity unless allowed', () => {
    const zero = new Uint8Array(32);
    expect(() => decodePoint(zero, 'beta')).toThrow(expect.objectContaining({ code: 'identity-point', message: 'beta is the identity element, which is not allowed here' }));
    expect(decodePoint(zero, 'aggregate', { allowIdentity: true }).equals(IDENTITY)).toBe(true);
  });

  it('rejects wrong lengths and non-reduced scalars', () => {
    expect(() => decodePoint(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'bad-length' }));
    expect(() => decodeScalar(encodeScalar(0n).map((_, i) => Number((ORDER >> BigInt(8 * i)) & 0xffn)))).toThrow(expect.objectContaining({ code: 'non-canonical-scalar' }));
  });

  it('round-trips points and scalars (property)', () => {
    const random = seededRandom('points');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        const s = randomScalar(random);
        expect(decodeScalar(encodeScalar(s))).toBe(s);
        const p = G.multiply(BigInt(n));
        expect(decodePoint(encodePoint(p)).equals(p)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('base64url round-trips and is strict', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (b) => expect(fromBase64url(toBase64url(b))).toEqual(b)));
    expect(() => fromBase64url('AB==')).toThrow(expect.objectContaining({ code: 'bad-base64url' }));
    expect(() => fromBase64url('AB')).toThrow('non-canonical base64url (trailing bits)');
    expect(() => fromBase64url('AA', 2)).toThrow(expect.objectContaining({ code: 'bad-length' }));
  });
});

describe('transcript', () => {
  it('is unambiguous: different item splits or kinds never collide', () => {
    const a = new Transcript('t').text('ab').text('c').encode();
    const b = new Transcript('t').text('a').text('bc').encode();
    const c = new Transcript('t').number(0x61626300).encode();
    const d = new Transcript('t').bytes(new Uint8Array([0x61, 0x62, 0x63, 0])).encode();
    expect(new Set([a, b, c, d].map((x) => toBase64url(x))).size).toBe(4);
    expect(new Transcript('t').challenge()).not.toBe(new Transcript('u').challenge());
  });
});

describe('tally arithmetic', () => {
  it('Lagrange interpolation recovers f(0) from any k points (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: ORDER - 1n }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 3 }), (coeffs, skip) => {
        const xs = Array.from({ length: coeffs.length }, (_, i) => i + 1 + skip);
        const f0 = xs.reduce((acc, x) => mod(acc + lagrangeCoefficient(x, xs) * evaluatePolynomial(coeffs, x)), 0n);
        expect(f0).toBe(mod(coeffs[0]!));
      }),
    );
  });

  it('baby-step giant-step finds every total in range and nothing beyond', () => {
    const solver = new DiscreteLogSolver(1000);
    for (const t of [0, 1, 2, 31, 32, 33, 500, 999, 1000]) expect(solver.solve(t === 0 ? IDENTITY : G.multiply(BigInt(t)))).toBe(t);
    expect(solver.solve(G.multiply(1001n))).toBeUndefined();
    expect(solver.solve(G.multiply(123456n))).toBeUndefined();
  });
});
