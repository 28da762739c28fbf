import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ContestManifest, ElectionManifest } from '../src/election/manifest.js';
import { seededRandom } from '../src/group/random.js';
import { verifyElectionRecord } from '../src/verifier/verify-record.js';
import { buildFixture, countVotes } from './fixture.js';

/** A random contest and matching random valid ballots for it. */
const contestArb = fc
  .record({ options: fc.integer({ min: 1, max: 4 }), min: fc.integer({ min: 0, max: 2 }), spread: fc.integer({ min: 0, max: 2 }) })
  .map(({ options, min, spread }): ContestManifest => {
    const lo = Math.min(min, options);
    return { id: 'c', title: 'C', kind: 'block', options: Array.from({ length: options }, (_, i) => `o${i}`), minSelections: lo, maxSelections: Math.min(options, lo + spread) };
  });

function marksArb(c: ContestManifest): fc.Arbitrary<number[]> {
  return fc
    .integer({ min: c.minSelections, max: c.maxSelections })
    .chain((count) => fc.shuffledSubarray([...c.options.keys()], { minLength: count, maxLength: count }))
    .map((chosen) => c.options.map((_, i) => (chosen.includes(i) ? 1 : 0)));
}

const electionArb = fc
  .record({ contests: fc.array(contestArb, { minLength: 1, maxLength: 2 }), k: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 1 }), seed: fc.string() })
  .chain(({ contests, k, extra, seed }) => {
    const manifest: ElectionManifest = { electionId: 'prop', title: 'P', contests: contests.map((c, i) => ({ ...c, id: `c${i}` })) };
    const ballot = fc.tuple(...manifest.contests.map(marksArb));
    return fc.record({
      manifest: fc.constant(manifest),
      votes: fc.array(ballot, { minLength: 0, maxLength: 3 }),
      k: fc.constant(k),
      n: fc.constant(k + extra),
      missing: fc.integer({ min: 0, max: extra }),
      seed: fc.constant(seed),
    });
  });

describe('property: decrypted totals equal the plaintext counts', () => {
  it('for random elections, ballots and present members, and the record verifies', async () => {
    await fc.assert(
      fc.asyncProperty(electionArb, async ({ manifest, votes, k, n, missing, seed }) => {
        const present = Array.from({ length: n - missing }, (_, i) => i + 1 + missing);
        const fx = buildFixture(votes, { manifest, parameters: { threshold: k, memberCount: n, maxBallots: 8 }, present, random: seededRandom(seed) });
        expect(fx.totals).toEqual(countVotes(manifest, votes));
        expect((await verifyElectionRecord(fx.record)).totals).toEqual(fx.totals);
      }),
      { numRuns: 5 },
    );
  });
});
