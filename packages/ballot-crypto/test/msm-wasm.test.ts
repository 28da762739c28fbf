import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { verifyBallots } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { multiScalarMul } from '../src/group/msm.js';
import { msmAccelerated } from '../src/group/msm-wasm.js';
import { G, IDENTITY, decodePoint, type Point } from '../src/group/point.js';
import { seededRandom } from '../src/group/random.js';
import { ORDER, mod } from '../src/group/scalar.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';
import { withoutWebAssembly } from './wasm-helpers.js';

const HALF = ORDER >> 1n;
/** Scalars at the edges: 0, 1, ℓ − 1 (= −1), 2^128 − 1 (largest short weight), ℓ/2 and ℓ/2 + 1 (the sign switch), window edges. */
const EDGE_SCALARS = [
  0n,
  1n,
  2n,
  ORDER - 1n,
  ORDER - 2n,
  (1n << 128n) - 1n,
  1n << 128n,
  HALF,
  HALF + 1n,
  (1n << 252n) - 1n,
];
const scalarArb = fc.oneof(
  fc.constantFrom(...EDGE_SCALARS),
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
  fc.bigInt({ min: 0n, max: ORDER - 1n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.integer({ min: 1, max: 252 }).map((k) => (1n << BigInt(k)) - 1n),
);
/** A point from a seed: decoded (Z = 1, as in ballots), from arithmetic (Z ≠ 1), negated, or the identity. */
const pointArb = fc
  .tuple(fc.bigInt({ min: 0n, max: ORDER - 1n }), fc.integer({ min: 0, max: 2 }))
  .map(([k, form]): Point => {
    if (k === 0n) return IDENTITY;
    const p = G.multiplyUnsafe(k).add(G);
    return form === 0 ? decodePoint(p.toBytes(), 'p', { allowIdentity: true }) : form === 1 ? p : p.negate();
  });

/** The reference: noble's BigInt Pippenger, and the plain sum of products. */
const noble = (points: readonly Point[], scalars: readonly bigint[]): Point =>
  multiScalarMul(points, scalars, { wasm: false });
const naive = (points: readonly Point[], scalars: readonly bigint[]): Point =>
  points.reduce((acc, p, i) => {
    const s = mod(scalars[i]!);
    return s === 0n ? acc : acc.add(p.multiplyUnsafe(s));
  }, IDENTITY);

describe('multi-scalar multiplication in WebAssembly', () => {
  it('is available here (so the tests below check the WebAssembly path)', () => {
    expect(msmAccelerated()).toBe(true);
  });

  it('equals noble and the naive sum for random points and scalars, few terms (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pointArb, scalarArb), { maxLength: 12 }), (terms) => {
        const points = terms.map(([p]) => p);
        const scalars = terms.map(([, s]) => s);
        const fast = multiScalarMul(points, scalars);
        expect(fast.equals(noble(points, scalars))).toBe(true);
        expect(fast.equals(naive(points, scalars))).toBe(true);
        expect(fast.toBytes()).toEqual(naive(points, scalars).toBytes());
      }),
      { numRuns: 60 },
    );
  });

  it('equals noble for many terms (wide windows), duplicates and a point with its negation', () => {
    const random = seededRandom('msm-wasm');
    const rnd = (): bigint => BigInt('0x' + Buffer.from(random(40)).toString('hex'));
    for (const n of [40, 300, 1500]) {
      const base = Array.from({ length: n }, (_, i) => {
        const p = G.multiplyUnsafe(mod(rnd()) || 1n);
        return i % 3 === 0 ? decodePoint(p.toBytes()) : p;
      });
      const points = [...base, base[0]!, base[1]!, base[1]!.negate(), IDENTITY];
      const scalars = points.map((_, i) =>
        i < n ? (i % 2 ? mod(rnd()) : rnd() % (1n << 128n)) : EDGE_SCALARS[i % EDGE_SCALARS.length]!,
      );
      scalars[n + 2] = scalars[1]!; // base[1] and −base[1] with the same scalar cancel
      const fast = multiScalarMul(points, scalars);
      expect(fast.equals(noble(points, scalars))).toBe(true);
      expect(fast.is0()).toBe(false);
    }
  });

  it('finds the identity exactly when the relation holds (a batch equation, true and false)', () => {
    const random = seededRandom('msm-relation');
    const rnd = (): bigint => mod(BigInt('0x' + Buffer.from(random(40)).toString('hex')));
    for (const n of [1, 7, 200]) {
      // Pᵢ = kᵢ·G; Σ sᵢ·Pᵢ − (Σ sᵢ·kᵢ)·G = 0.
      const ks = Array.from({ length: n }, () => rnd());
      const points = [
        ...ks.map((k, i) => (i % 2 ? G.multiplyUnsafe(k) : decodePoint(G.multiplyUnsafe(k).toBytes()))),
        G,
      ];
      const scalars = ks.map((_, i) => (i % 3 ? rnd() : rnd() % (1n << 128n)));
      scalars.push(mod(-ks.reduce((acc, k, i) => acc + k * scalars[i]!, 0n)));
      expect(multiScalarMul(points, scalars).is0()).toBe(true);
      expect(multiScalarMul(points, scalars).equals(IDENTITY)).toBe(true);
      const wrong = [...scalars];
      wrong[0] = mod(wrong[0]! + 1n);
      expect(multiScalarMul(points, wrong).is0()).toBe(false);
      expect(multiScalarMul(points, wrong).equals(points[0]!)).toBe(true);
    }
  });

  it('handles no terms, only zero scalars and the identity point', () => {
    expect(multiScalarMul([], []).is0()).toBe(true);
    expect(multiScalarMul([G, G], [0n, ORDER]).is0()).toBe(true);
    expect(multiScalarMul([IDENTITY], [5n]).is0()).toBe(true);
    expect(multiScalarMul([G], [1n]).equals(G)).toBe(true);
    expect(multiScalarMul([G], [ORDER - 1n]).equals(G.negate())).toBe(true);
  });

  it('verifyBallots (one WebAssembly MSM) accepts valid ballots and singles out a tampered one', () => {
    const random = seededRandom('msm-ballots');
    const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
    const selections = [
      [0, 1, 0],
      [1, 0, 0, 1],
      [0, 0, 1],
    ];
    const ballots = [0, 1, 2, 3].map(
      (i) => encryptBallot({ context, voterBinding: binding(i), selections, random }).ballot,
    );
    expect(verifyBallots({ context, ballots, random })).toEqual([null, null, null, null]);
    const sel = ballots[2]!.contests[1]!.selections[2]!;
    const tampered = {
      ...ballots[2]!,
      contests: ballots[2]!.contests.map((c, ci) =>
        ci !== 1
          ? c
          : {
              ...c,
              selections: c.selections.map((s, oi) =>
                oi !== 2
                  ? s
                  : { ...sel, ciphertext: { ...sel.ciphertext, beta: sel.ciphertext.beta.add(G) } },
              ),
            },
      ),
    };
    const results = verifyBallots({
      context,
      ballots: [ballots[0]!, ballots[1]!, tampered, ballots[3]!],
      random,
    });
    expect(results.map((r) => r === null)).toEqual([true, true, false, true]);
    const slow = verifyBallots({
      context,
      ballots: [ballots[0]!, ballots[1]!, tampered, ballots[3]!],
      wasm: false,
    });
    expect(slow.map((r) => r?.message ?? null)).toEqual(results.map((r) => r?.message ?? null));
  });

  it('falls back to noble where WebAssembly is missing, with the same results', async () => {
    const scalars = [3n, ORDER - 7n, (1n << 128n) - 1n];
    const expected = naive([G, G.multiplyUnsafe(5n), G.multiplyUnsafe(99n).negate()], scalars).toBytes();
    await withoutWebAssembly(async () => {
      // A fresh module graph (its own noble classes): points must come from it too.
      const msm = await import('../src/group/msm.js');
      const { msmAccelerated: accelerated } = await import('../src/group/msm-wasm.js');
      const { G: g } = await import('../src/group/point.js');
      expect(accelerated()).toBe(false);
      const points = [g, g.multiplyUnsafe(5n), g.multiplyUnsafe(99n).negate()];
      expect(msm.multiScalarMul(points, scalars).toBytes()).toEqual(expected);
    });
  });
});
