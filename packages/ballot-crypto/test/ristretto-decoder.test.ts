import { describe, expect, it } from '@jest/globals';
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { fromBase64url, toBase64url } from '../src/encoding/base64url.js';
import { fromHex, toHex } from '../src/encoding/bytes.js';
import { edwardsOf } from '../src/group/edwards-of.js';
import {
  G,
  IDENTITY,
  decodePoint,
  decodePoints,
  encodePoint,
  hasCachedEncoding,
  tryDecodePoints,
  type Point,
} from '../src/group/point.js';
import { seededRandom } from '../src/group/random.js';
import { decodeRistretto, ristrettoDecoderAccelerated } from '../src/group/ristretto-decoder.js';
import { ORDER } from '../src/group/scalar.js';
import { FIELD_P } from '../src/group/wasm-edwards.js';
import { CURVE_D, SQRT_M1 } from '../src/group/wasm-ristretto.js';
import type { BallotJson } from '../src/record/record-types.js';
import { ballotFromJson, ballotToJson } from '../src/record/json-codec.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';
import { SMALL_MULTIPLES } from './wasm-helpers.js';

const P = FIELD_P;
const bytesOf = (x: bigint): Uint8Array =>
  Uint8Array.from({ length: 32 }, (_, i) => Number((x >> BigInt(8 * i)) & 0xffn));

// RFC 9496 Appendix A.2: encodings that MUST be rejected, by group.
const BAD_ENCODINGS: Record<string, string[]> = {
  'non-canonical field encoding': [
    '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
    'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ],
  'negative field element': [
    '0100000000000000000000000000000000000000000000000000000000000000',
    '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20',
    'c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562',
    'c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78',
    '47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24',
    'f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72',
    '87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309',
  ],
  'non-square x²': [
    '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
    '4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f',
    'de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b',
    'bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042',
    '2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08',
    'f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22',
    '8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731',
    '2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b',
  ],
  'negative x·y': [
    '3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e',
    'a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220',
    'd483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e',
    '8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32',
    '32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b',
    '227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165',
    '5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e',
    '445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b',
  ],
  's = −1 (y = 0)': ['ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
};
const ALL_BAD = Object.values(BAD_ENCODINGS).flat();

/** More rejections at the edges of the byte checks and of the arithmetic. */
const EDGE_BAD: [string, Uint8Array][] = [
  [
    'the base point with bit 255 set',
    (() => {
      const b = fromHex(SMALL_MULTIPLES[1]!);
      b[31]! |= 0x80;
      return b;
    })(),
  ],
  [
    'zero with bit 255 set',
    (() => {
      const b = new Uint8Array(32);
      b[31] = 0x80;
      return b;
    })(),
  ],
  ['p + 1 (even, non-canonical 1)', bytesOf(P + 1n)],
  ['p + 17 (even, non-canonical 17)', bytesOf(P + 17n)],
  ['√−1, non-negative (u2 = 1 + s² = 0)', bytesOf(SQRT_M1 % 2n ? P - SQRT_M1 : SQRT_M1)],
  ['31 bytes', new Uint8Array(31)],
  ['33 bytes', new Uint8Array(33)],
  ['empty', new Uint8Array(0)],
];

/** noble's decoding, or null where it throws. */
function noble(b: Uint8Array): Point | null {
  try {
    return ristretto255.Point.fromBytes(b);
  } catch {
    return null;
  }
}

/** Same value AND the same representation (x, y, Z = 1, T = x·y) as noble's, and the same encoding. */
function expectSamePoint(actual: Point | null, expected: Point | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const [a, e] = [edwardsOf(actual!), edwardsOf(expected)];
  expect([a.X, a.Y, a.Z, a.T]).toEqual([e.X, e.Y, e.Z, e.T]);
  expect(actual!.equals(expected)).toBe(true);
  expect(toHex(actual!.toBytes())).toBe(toHex(expected.toBytes()));
  expect(actual).toBeInstanceOf(ristretto255.Point);
}

const scalarArb = fc.bigInt({ min: 1n, max: ORDER - 1n });
/** Encodings of random points. */
const validArb = scalarArb.map((s) => G.multiplyUnsafe(s).toBytes());
/** 32 random bytes, half of them forced even with bit 255 clear so as to reach the square root and the sign checks. */
const bytesArb = fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.boolean()).map(([b, deep]) => {
  if (deep) {
    b[0]! &= 0xfe;
    b[31]! &= 0x7f;
  }
  return b;
});
/** A batch mixing valid encodings, random bytes, RFC bad encodings and wrong lengths. */
const mixedArb = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: validArb },
    { weight: 4, arbitrary: bytesArb },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_BAD, ...SMALL_MULTIPLES).map(fromHex) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_BAD.map(([, b]) => b)) },
  ),
  { maxLength: 40 },
);

describe('ristretto255 decoding in WebAssembly', () => {
  it('is available here (WebAssembly SIMD), and uses the curve constants', () => {
    expect(ristrettoDecoderAccelerated()).toBe(true);
    expect(CURVE_D).toBe(ed25519.Point.CURVE().d);
    expect((SQRT_M1 * SQRT_M1) % P).toBe(P - 1n);
  });

  it.each([true, false])('decodes the RFC 9496 small multiples of the base point (wasm: %s)', (wasm) => {
    const decoded = decodeRistretto(SMALL_MULTIPLES.map(fromHex), { wasm });
    let expected = IDENTITY;
    decoded.forEach((p, i) => {
      expect(p!.equals(expected)).toBe(true);
      expect(toHex(p!.toBytes())).toBe(SMALL_MULTIPLES[i]);
      expectSamePoint(p, noble(fromHex(SMALL_MULTIPLES[i]!)));
      expected = expected.add(G);
    });
    // One at a time too (the other lane unused).
    SMALL_MULTIPLES.forEach((hex) =>
      expectSamePoint(decodeRistretto([fromHex(hex)], { wasm })[0]!, noble(fromHex(hex))),
    );
  });

  describe.each(Object.entries(BAD_ENCODINGS))('rejects the RFC 9496 bad encodings: %s', (_group, list) => {
    it.each(list)('%s', (hex) => {
      expect(noble(fromHex(hex))).toBeNull(); // the reference agrees
      expect(decodeRistretto([fromHex(hex)])).toEqual([null]);
      expect(decodeRistretto([fromHex(hex)], { wasm: false })).toEqual([null]);
      // in either lane, next to a valid point
      expect(decodeRistretto([fromHex(hex), G.toBytes()]).map((p) => p !== null)).toEqual([false, true]);
      expect(decodeRistretto([G.toBytes(), fromHex(hex)]).map((p) => p !== null)).toEqual([true, false]);
      expect(() => decodePoint(fromHex(hex), 'alpha')).toThrow(
        expect.objectContaining({
          code: 'non-canonical-point',
          message: 'alpha: not a canonical ristretto255 encoding',
        }),
      );
    });
  });

  it.each(EDGE_BAD)('rejects %s, as noble does', (_name, bytes) => {
    expect(noble(bytes)).toBeNull();
    expect(decodeRistretto([bytes, G.toBytes()]).map((p) => p !== null)).toEqual([false, true]);
    expect(decodeRistretto([G.toBytes(), bytes]).map((p) => p !== null)).toEqual([true, false]);
  });

  it('decodes random points exactly as noble (property)', () => {
    fc.assert(
      fc.property(fc.array(validArb, { minLength: 1, maxLength: 33 }), (encodings) => {
        const fast = decodeRistretto(encodings);
        encodings.forEach((b, i) => expectSamePoint(fast[i]!, noble(b)));
      }),
      { numRuns: 60 },
    );
  });

  it('accepts and rejects random bytes exactly as noble (property)', () => {
    let accepted = 0;
    let deepRejected = 0;
    fc.assert(
      fc.property(fc.array(bytesArb, { minLength: 1, maxLength: 64 }), (encodings) => {
        const fast = decodeRistretto(encodings);
        encodings.forEach((b, i) => {
          const expected = noble(b);
          expectSamePoint(fast[i]!, expected);
          if (expected) accepted++;
          else if ((b[0]! & 1) === 0 && b[31]! < 0x80) deepRejected++;
        });
      }),
      { numRuns: 250 },
    );
    // Both outcomes of the arithmetic checks were exercised, many times.
    expect(accepted).toBeGreaterThan(100);
    expect(deepRejected).toBeGreaterThan(100);
  });

  it('decodes mixed batches (valid, invalid, wrong lengths, any lane) as noble, with and without WebAssembly (property)', () => {
    fc.assert(
      fc.property(mixedArb, (encodings) => {
        const fast = decodeRistretto(encodings);
        const slow = decodeRistretto(encodings, { wasm: false });
        expect(fast).toHaveLength(encodings.length);
        encodings.forEach((b, i) => {
          const expected = noble(b);
          expectSamePoint(fast[i]!, expected);
          expectSamePoint(slow[i]!, expected);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('decodes batches larger than one call of the module (512 points), with an invalid one in the second chunk', () => {
    const random = seededRandom('chunks');
    const encodings: Uint8Array[] = Array.from({ length: 1101 }, (_, i) =>
      G.multiplyUnsafe(BigInt(i + 1) * 1_000_003n + BigInt(random(1)[0]!)).toBytes(),
    );
    encodings[777] = fromHex(ALL_BAD[20]!);
    const fast = decodeRistretto(encodings);
    encodings.forEach((b, i) => expect(fast[i]?.equals(noble(b) ?? IDENTITY) ?? i === 777).toBe(true));
    expect(fast[777]).toBeNull();
    expect(fast.filter((p) => p === null)).toHaveLength(1);
    expectSamePoint(fast[1100]!, noble(encodings[1100]!));
    expect(() => decodePoints(encodings, (i) => `p[${i}]`)).toThrow(
      'p[777]: not a canonical ristretto255 encoding',
    );
  });
});

describe('decodePoint / decodePoints', () => {
  const encodings = [5n, 7n, 11n, 13n, 17n].map((k) => G.multiplyUnsafe(k * 1234567n).toBytes());

  it.each([true, false])('equal noble and fill the encoding cache (wasm: %s)', (wasm) => {
    const input = encodings.map((b) => b.slice());
    const points = decodePoints(input, ['a', 'b', 'c', 'd', 'e'], { wasm });
    const single = decodePoint(input[2]!, 'c', { wasm });
    input.forEach((b) => b.fill(0)); // the cache holds copies
    expect([...points, single].map(hasCachedEncoding)).toEqual([true, true, true, true, true, true]);
    expect(hasCachedEncoding(G.multiplyUnsafe(3n))).toBe(false); // (control)
    points.forEach((p, i) => {
      expect(toHex(encodePoint(p))).toBe(toHex(encodings[i]!));
      expect(p.equals(G.multiplyUnsafe([5n, 7n, 11n, 13n, 17n][i]! * 1234567n))).toBe(true);
    });
    expect(toHex(encodePoint(single))).toBe(toHex(encodings[2]!));
    points.forEach((p, i) => expectSamePoint(p, noble(encodings[i]!)));
    expect(decodePoints([], [])).toEqual([]);
  });

  it.each([true, false])('report the first invalid encoding in order, with its name (wasm: %s)', (wasm) => {
    const bad = fromHex(BAD_ENCODINGS['negative x·y']![0]!);
    const names = ['c.alpha', 'c.beta', 'c.proof.a', 'c.proof.b', 'c.proof.c', 'c.proof.d'];
    const batch = [encodings[0]!, encodings[1]!, bad, encodings[2]!, new Uint8Array(32), bad];
    expect(() => decodePoints(batch, names, { wasm })).toThrow(
      expect.objectContaining({
        code: 'non-canonical-point',
        message: 'c.proof.a: not a canonical ristretto255 encoding',
      }),
    );
    // the identity first
    expect(() => decodePoints([encodings[0]!, new Uint8Array(32), bad], names, { wasm })).toThrow(
      expect.objectContaining({
        code: 'identity-point',
        message: 'c.beta is the identity element, which is not allowed here',
      }),
    );
    expect(
      decodePoints([encodings[0]!, new Uint8Array(32)], names, { wasm, allowIdentity: true })[1]!.equals(
        IDENTITY,
      ),
    ).toBe(true);
    // a wrong length first
    expect(() =>
      decodePoints([encodings[0]!, encodings[1]!.subarray(1), bad], (i) => `point #${i}`, { wasm }),
    ).toThrow(
      expect.objectContaining({ code: 'bad-length', message: 'point #1: expected 32 bytes, got 31' }),
    );
    // the same error as decodePoint
    for (const [i, b] of batch.entries()) {
      let single: unknown = null;
      try {
        decodePoint(b, names[i], { wasm });
      } catch (e) {
        single = e;
      }
      let batched: unknown = null;
      try {
        decodePoints([encodings[3]!, b], ['x', names[i]!], { wasm });
      } catch (e) {
        batched = e;
      }
      expect(batched).toEqual(single);
      if (single) expect((batched as Error).constructor).toBe((single as Error).constructor);
    }
  });

  it('tryDecodePoints: null wherever decodePoint throws', () => {
    const batch = [encodings[0]!, new Uint8Array(32), fromHex(ALL_BAD[0]!), new Uint8Array(5), encodings[1]!];
    const tried = tryDecodePoints(batch);
    expect(tried.map((p) => p !== null)).toEqual([true, false, false, false, true]);
    expect(hasCachedEncoding(tried[4]!)).toBe(true);
    expect(tryDecodePoints(batch, { allowIdentity: true }).map((p) => p !== null)).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('ballotFromJson decodes the ballot’s points as one batch', () => {
  const random = seededRandom('ristretto-batch');
  const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
  const ballot = encryptBallot({
    context,
    voterBinding: binding(7),
    selections: [
      [0, 1, 0],
      [1, 0, 0, 1],
      [0, 0, 1],
    ],
    random,
  }).ballot;
  const json = ballotToJson(ballot);
  type Mutable<T> = T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
  const clone = (): Mutable<BallotJson> => JSON.parse(JSON.stringify(json)) as Mutable<BallotJson>;
  const badPoint = toBase64url(fromHex(BAD_ENCODINGS['non-square x²']![3]!));

  function error(b: BallotJson): string {
    try {
      ballotFromJson(b);
    } catch (e) {
      return `${(e as { code: string }).code}: ${(e as Error).message}`;
    }
    return 'accepted';
  }

  it('gives the same ballot as before (points equal, JSON identical)', () => {
    const decoded = ballotFromJson(json);
    expect(ballotToJson(decoded)).toEqual(json);
    decoded.contests.forEach((c, ci) =>
      c.selections.forEach((s, oi) => {
        const original = ballot.contests[ci]!.selections[oi]!;
        expect(s.ciphertext.alpha.equals(original.ciphertext.alpha)).toBe(true);
        expect(s.ciphertext.beta.equals(original.ciphertext.beta)).toBe(true);
        s.proof.commitments.forEach((x, j) =>
          expect(x.b.equals(original.proof.commitments[j]!.b)).toBe(true),
        );
        expect(s.proof.challenges).toEqual(original.proof.challenges);
        expectSamePoint(s.ciphertext.beta, noble(fromBase64url(json.contests[ci]!.selections[oi]!.beta)));
      }),
    );
  });

  it('reports an invalid point with its JSON path', () => {
    const b = clone();
    b.contests[1]!.selections[2]!.proof.commitments[1]!.b = badPoint;
    expect(error(b)).toBe(
      'non-canonical-point: ballot.contests[1].selections[2].proof.commitments[1].b: not a canonical ristretto255 encoding',
    );
    b.contests[2]!.proof.commitments[0]!.a = toBase64url(new Uint8Array(32));
    expect(error(b)).toMatch(/^non-canonical-point: ballot.contests\[1\]/); // the first in document order
    b.contests[1]!.selections[0]!.beta = toBase64url(new Uint8Array(32));
    expect(error(b)).toBe(
      'identity-point: ballot.contests[1].selections[0].beta is the identity element, which is not allowed here',
    );
  });

  it('reports whichever comes first in the document: a bad point or a later / earlier bad scalar or base64url', () => {
    const b = clone();
    const badScalar = toBase64url(new Uint8Array(32).fill(0xff));
    b.contests[0]!.selections[1]!.alpha = badPoint;
    b.contests[2]!.selections[0]!.proof.responses[0] = badScalar;
    expect(error(b)).toBe(
      'non-canonical-point: ballot.contests[0].selections[1].alpha: not a canonical ristretto255 encoding',
    );
    b.contests[0]!.selections[0]!.proof.challenges[1] = badScalar;
    expect(error(b)).toBe(
      'non-canonical-scalar: ballot.contests[0].selections[0].proof.challenges[1]: scalar is not reduced modulo the group order',
    );
    const c = clone();
    c.contests[0]!.selections[2]!.beta = badPoint;
    c.contests[1]!.selections[0]!.alpha = 'not base64url!';
    expect(error(c)).toMatch(/^non-canonical-point: ballot.contests\[0\].selections\[2\].beta/);
    c.contests[0]!.selections[2]!.beta = json.contests[0]!.selections[2]!.beta;
    expect(error(c)).toMatch(/^bad-base64url/);
    const d = clone();
    d.contests[0]!.selections[1]!.alpha = badPoint;
    (d.contests[1] as { selections: unknown }).selections = 'nope';
    expect(error(d)).toMatch(/^non-canonical-point: ballot.contests\[0\].selections\[1\].alpha/);
    d.contests[0]!.selections[1]!.alpha = json.contests[0]!.selections[1]!.alpha;
    expect(error(d)).toBe('invalid-input: ballot.contests[1].selections: expected an array');
  });
});
