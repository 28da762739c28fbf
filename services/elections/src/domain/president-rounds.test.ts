import fc from 'fast-check';
import { drawLots } from './draw-lots.js';
import { InvalidTallyError } from './invalid-tally-error.js';
import { absoluteMajorityBar, twoThirdsBar } from './majority-bars.js';
import { decidePresidentRound, decideRunOffRevote } from './president-rounds.js';

/** İzmir 2020: 392 on the roll, 332 voted. */
const izmir = { registered: 392, present: 332, cast: 332 };

describe('majority bars', () => {
  it('when the roll is 392 (İzmir 2020), then round 1 needs 262 and round 2 needs 197', () => {
    expect(twoThirdsBar(392)).toBe(262);
    expect(absoluteMajorityBar(392)).toBe(197);
  });

  it('are the smallest whole numbers reaching two-thirds and more than half, computed without fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (base) => {
        const twoThirds = twoThirdsBar(base);
        expect(3 * twoThirds).toBeGreaterThanOrEqual(2 * base);
        expect(3 * (twoThirds - 1)).toBeLessThan(2 * base);
        const majority = absoluteMajorityBar(base);
        expect(2 * majority).toBeGreaterThan(base);
        expect(2 * (majority - 1)).toBeLessThanOrEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decidePresidentRound', () => {
  it('when a candidate wins most votes cast in round 1 but fewer than two-thirds of the roll, then nobody is elected', () => {
    const decision = decidePresidentRound({
      round: 1,
      tallies: [
        { candidateId: 'a', votes: 240 },
        { candidateId: 'b', votes: 92 },
      ],
      turnout: izmir,
      tieBreak: 'lot',
    });
    expect(decision).toMatchObject({
      kind: 'next-round',
      nextRound: 2,
      bar: 262,
      base: 392,
      candidateIds: ['a', 'b'],
    });
    expect(decision.reason.en).toContain('262');
    expect(decision.reason.tr).toContain('üye tam sayısı 392');
  });

  it('when the same round is measured against ballots cast, then 240 of 332 clears two-thirds (222)', () => {
    const decision = decidePresidentRound({
      round: 1,
      base: 'cast',
      tallies: [
        { candidateId: 'a', votes: 240 },
        { candidateId: 'b', votes: 92 },
      ],
      turnout: izmir,
      tieBreak: 'lot',
    });
    expect(decision).toMatchObject({ kind: 'elected', candidateId: 'a', bar: 222, base: 332 });
  });

  it('when a candidate reaches exactly 262 in round 1, then they are elected', () => {
    expect(
      decidePresidentRound({
        round: 1,
        tallies: [
          { candidateId: 'a', votes: 262 },
          { candidateId: 'b', votes: 70 },
        ],
        turnout: izmir,
        tieBreak: 'lot',
      }),
    ).toMatchObject({ kind: 'elected', candidateId: 'a', votes: 262, bar: 262 });
  });

  it('when the best has 196 in round 2, then the top two go to a run-off; 197 would have won', () => {
    const tallies = [
      { candidateId: 'a', votes: 196 },
      { candidateId: 'b', votes: 100 },
      { candidateId: 'c', votes: 36 },
    ];
    expect(decidePresidentRound({ round: 2, tallies, turnout: izmir, tieBreak: 'lot' })).toMatchObject({
      kind: 'next-round',
      nextRound: 3,
      bar: 197,
      candidateIds: ['a', 'b'],
    });
    tallies[0]!.votes = 197;
    tallies[2]!.votes = 35;
    expect(decidePresidentRound({ round: 2, tallies, turnout: izmir, tieBreak: 'lot' })).toMatchObject({
      kind: 'elected',
      candidateId: 'a',
      bar: 197,
    });
  });

  it('when round 3 ends 167–101 (İzmir 2020), then the candidate with most votes is elected', () => {
    const decision = decidePresidentRound({
      round: 3,
      tallies: [
        { candidateId: 'runner-up', votes: 101 },
        { candidateId: 'winner', votes: 167 },
      ],
      turnout: { registered: 392, present: 332, cast: 268 },
      tieBreak: 'lot',
    });
    expect(decision).toMatchObject({
      kind: 'elected',
      round: 3,
      candidateId: 'winner',
      votes: 167,
      bar: null,
    });
    expect(decision.reason.en).toContain('167–101');
  });

  it('when round 3 is tied under lot, then the seeded draw decides and is reported', () => {
    const decision = decidePresidentRound({
      round: 3,
      tallies: [
        { candidateId: 'a', votes: 120 },
        { candidateId: 'b', votes: 120 },
      ],
      turnout: izmir,
      tieBreak: 'lot',
      lotSeed: 'published-seed',
    });
    const draw = drawLots({ seed: 'published-seed', candidateIds: ['a', 'b'] });
    expect(decision).toMatchObject({ kind: 'elected', candidateId: draw.order[0], lot: draw });
  });

  it('when round 3 is tied under revote, then the two vote again', () => {
    expect(
      decidePresidentRound({
        round: 3,
        tallies: [
          { candidateId: 'b', votes: 120 },
          { candidateId: 'a', votes: 120 },
        ],
        turnout: izmir,
        tieBreak: 'revote',
      }),
    ).toMatchObject({ kind: 'revote', round: 3, candidateIds: ['a', 'b'], places: 1 });
  });

  it('when second place is tied after round 2, then the tie-break picks the second finalist', () => {
    const tallies = [
      { candidateId: 'a', votes: 150 },
      { candidateId: 'b', votes: 90 },
      { candidateId: 'c', votes: 90 },
    ];
    expect(decidePresidentRound({ round: 2, tallies, turnout: izmir, tieBreak: 'revote' })).toMatchObject({
      kind: 'revote',
      round: 2,
      candidateIds: ['b', 'c'],
      places: 1,
    });
    const draw = drawLots({ seed: 's', candidateIds: ['b', 'c'] });
    expect(
      decidePresidentRound({ round: 2, tallies, turnout: izmir, tieBreak: 'lot', lotSeed: 's' }),
    ).toMatchObject({
      kind: 'next-round',
      candidateIds: ['a', draw.order[0]].sort(),
      lot: draw,
    });
  });

  it('when second place is tied after round 2 under revote, then the revote fills it and round 3 follows; a tie again revotes again', () => {
    const tallies = [
      { candidateId: 'a', votes: 120 },
      { candidateId: 'b', votes: 70 },
      { candidateId: 'c', votes: 70 },
      { candidateId: 'd', votes: 70 },
    ];
    const call = decidePresidentRound({ round: 2, tallies, turnout: izmir, tieBreak: 'revote' });
    expect(call).toMatchObject({
      kind: 'revote',
      round: 2,
      candidateIds: ['b', 'c', 'd'],
      places: 1,
      carriedIds: ['a'],
    });
    if (call.kind !== 'revote') throw new Error('expected a revote');
    const again = decideRunOffRevote({
      tallies: [
        { candidateId: 'b', votes: 140 },
        { candidateId: 'c', votes: 140 },
        { candidateId: 'd', votes: 40 },
      ],
      places: call.places,
      carriedIds: call.carriedIds,
      turnout: izmir,
    });
    expect(again).toMatchObject({
      kind: 'revote',
      round: 2,
      candidateIds: ['b', 'c'],
      places: 1,
      carriedIds: ['a'],
    });
    expect(again.reason.en).toContain('tied again on 140');
    const decided = decideRunOffRevote({
      tallies: [
        { candidateId: 'b', votes: 120 },
        { candidateId: 'c', votes: 200 },
      ],
      places: 1,
      carriedIds: ['a'],
      turnout: izmir,
    });
    expect(decided).toMatchObject({ kind: 'next-round', round: 2, nextRound: 3, candidateIds: ['a', 'c'] });
    // Three tied for both places: the best of the revote goes through while the other two vote again.
    const both = decideRunOffRevote({
      tallies: [
        { candidateId: 'x', votes: 150 },
        { candidateId: 'y', votes: 80 },
        { candidateId: 'z', votes: 80 },
      ],
      places: 2,
      carriedIds: [],
      turnout: izmir,
    });
    expect(both).toMatchObject({ kind: 'revote', candidateIds: ['y', 'z'], places: 1, carriedIds: ['x'] });
    expect(() => decideRunOffRevote({ tallies: [], places: 1, carriedIds: [], turnout: izmir })).toThrow(
      InvalidTallyError,
    );
  });

  it('a run-off revote always sends exactly the contested number of places on, or revotes among fewer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (votes, places) => {
          fc.pre(places < votes.length);
          const tallies = votes.map((value, index) => ({ candidateId: `c${index}`, votes: value }));
          const decision = decideRunOffRevote({ tallies, places, carriedIds: ['k'], turnout: izmir });
          if (decision.kind === 'next-round') expect(decision.candidateIds).toHaveLength(places + 1);
          else if (decision.kind === 'revote') {
            expect(decision.candidateIds.length).toBeGreaterThan(decision.places);
            expect(decision.carriedIds.length + decision.places).toBe(places + 1);
            expect(decision.candidateIds.length).toBeLessThanOrEqual(votes.length);
          } else throw new Error('a revote elects nobody');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when first place is tied by two after round 2, then both go to the run-off without a draw', () => {
    const decision = decidePresidentRound({
      round: 2,
      tallies: [
        { candidateId: 'a', votes: 100 },
        { candidateId: 'b', votes: 100 },
        { candidateId: 'c', votes: 90 },
      ],
      turnout: izmir,
      tieBreak: 'lot',
    });
    expect(decision).toMatchObject({ kind: 'next-round', candidateIds: ['a', 'b'] });
    expect(decision).not.toHaveProperty('lot');
  });

  it('when the counts are impossible, then it throws InvalidTallyError', () => {
    const tallies = [{ candidateId: 'a', votes: 400 }];
    expect(() => decidePresidentRound({ round: 1, tallies, turnout: izmir, tieBreak: 'lot' })).toThrow(
      InvalidTallyError,
    );
    expect(() =>
      decidePresidentRound({
        round: 3,
        tallies: [
          { candidateId: 'a', votes: 1 },
          { candidateId: 'b', votes: 1 },
          { candidateId: 'c', votes: 1 },
        ],
        turnout: izmir,
        tieBreak: 'lot',
      }),
    ).toThrow('run-off');
    expect(() =>
      decidePresidentRound({
        round: 1,
        tallies: [],
        turnout: { registered: 1, present: 2, cast: 0 },
        tieBreak: 'lot',
      }),
    ).toThrow(InvalidTallyError);
  });

  it('elects in rounds 1–2 exactly when the top candidate reaches the bar of the chosen base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.nat({ max: 200 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(1 as const, 2 as const),
        fc.constantFrom('registered' as const, 'present' as const, 'cast' as const),
        (registered, votes, round, base) => {
          const cast = votes.reduce((sum, value) => sum + value, 0);
          fc.pre(cast <= registered);
          const turnout = { registered, present: Math.min(registered, cast + 3), cast };
          const tallies = votes.map((value, index) => ({ candidateId: `c${index}`, votes: value }));
          const decision = decidePresidentRound({ round, tallies, turnout, base, tieBreak: 'revote' });
          const bar = round === 1 ? twoThirdsBar(turnout[base]) : absoluteMajorityBar(turnout[base]);
          expect(decision.kind === 'elected').toBe(Math.max(...votes) >= bar);
        },
      ),
      { numRuns: 200 },
    );
  });
});
