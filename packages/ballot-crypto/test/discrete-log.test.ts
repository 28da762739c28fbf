import { describe, expect, it } from '@jest/globals';
import { G, IDENTITY, decodePoint, encodePoint } from '../src/group/point.js';
import { DiscreteLogSolver } from '../src/tally/discrete-log.js';

describe('DiscreteLogSolver (shared table, batched giant steps)', () => {
  const solver = new DiscreteLogSolver(10_000);
  const g = (t: number) => (t === 0 ? IDENTITY : G.multiplyUnsafe(BigInt(t)));

  it('finds every kind of total in [0, max], whatever the Edwards representative', () => {
    const ts = [0, 1, 2, 99, 100, 101, 201, 202, 203, 5000, 9_999, 10_000];
    const points = ts.map((t, i) => (i % 2 ? decodePoint(encodePoint(g(t)), 't', { allowIdentity: true }) : g(t)));
    expect(solver.solveMany(points)).toEqual(ts);
    expect(solver.solve(g(7777).add(g(1)))).toBe(7778);
  });

  it('returns undefined out of range (above max, or "negative")', () => {
    expect(solver.solveMany([g(10_001), g(20_000), g(5).negate(), G.multiplyUnsafe(2n ** 200n)])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('works for tiny rolls', () => {
    const tiny = new DiscreteLogSolver(0);
    expect(tiny.solveMany([IDENTITY, G])).toEqual([0, undefined]);
    expect(new DiscreteLogSolver(3).solveMany([g(0), g(1), g(2), g(3), g(4)])).toEqual([0, 1, 2, 3, undefined]);
  });
});
