import fc from 'fast-check';
import type { Gender } from '@konsey/contracts';
import { type AllocateSeatsOptions, allocateSeats } from './allocate-seats.js';
import type { AllocationResult } from './allocation-result.js';
import { applyRevotes } from './apply-revotes.js';
import type { CandidateTotal } from './candidate-total.js';
import { InvalidTallyError } from './invalid-tally-error.js';

const f = (candidateId: string, votes: number): CandidateTotal => ({ candidateId, gender: 'female', votes });
const m = (candidateId: string, votes: number): CandidateTotal => ({ candidateId, gender: 'male', votes });
const base = {
  seats: 2,
  substituteSeats: 0,
  parity: 'none' as const,
  shortfall: 'fill-from-others' as const,
  tieBreak: 'revote' as const,
};
const ids = (result: AllocationResult) => ({
  elected: result.elected.map((p) => [p.candidateId, p.position]),
  substitutes: result.substitutes.map((p) => [p.candidateId, p.position]),
});

describe('applyRevotes', () => {
  it('when two tie for the last seat and the revote separates them, then the winner of the revote takes it', () => {
    const options = { ...base, candidates: [f('a', 20), f('b', 10), m('c', 10)] };
    expect(allocateSeats(options).revotes[0]!.candidateIds).toEqual(['b', 'c']);
    const result = applyRevotes(options, [
      {
        candidateIds: ['b', 'c'],
        totals: [
          { candidateId: 'b', votes: 4 },
          { candidateId: 'c', votes: 7 },
        ],
      },
    ]);
    expect(result.status).toBe('decided');
    expect(ids(result).elected).toEqual([
      ['a', 1],
      ['c', 2],
    ]);
    // Placements keep the first round's votes.
    expect(result.elected[1]!.votes).toBe(10);
    expect(result.revotes).toEqual([]);
  });

  it('when the revote ties again, then another revote is called among those still tied', () => {
    const options = { ...base, candidates: [f('a', 20), f('b', 10), m('c', 10), m('d', 10)] };
    const once = applyRevotes(options, [
      {
        candidateIds: ['b', 'c', 'd'],
        totals: [
          { candidateId: 'b', votes: 5 },
          { candidateId: 'c', votes: 5 },
          { candidateId: 'd', votes: 1 },
        ],
      },
    ]);
    expect(once.status).toBe('revote-required');
    expect(once.revotes).toEqual([expect.objectContaining({ candidateIds: ['b', 'c'], fullSeats: 1 })]);
    expect(once.revotes[0]!.reason.en).toMatch(/^The tie held in the revote: /);
    const twice = applyRevotes(options, [
      {
        candidateIds: ['b', 'c', 'd'],
        totals: [
          { candidateId: 'b', votes: 5 },
          { candidateId: 'c', votes: 5 },
          { candidateId: 'd', votes: 1 },
        ],
      },
      {
        candidateIds: ['c', 'b'],
        totals: [
          { candidateId: 'b', votes: 6 },
          { candidateId: 'c', votes: 2 },
        ],
      },
    ]);
    expect(twice.status).toBe('decided');
    expect(ids(twice).elected).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('when a revote reorders a tie under the zipper, then the lists are refilled and parity holds', () => {
    const options: AllocateSeatsOptions = {
      ...base,
      seats: 3,
      substituteSeats: 1,
      parity: 'zipper',
      candidates: [f('f1', 50), m('m1', 50), f('f2', 40), m('m2', 40)],
    };
    const result = applyRevotes(options, [
      {
        candidateIds: ['f1', 'm1'],
        totals: [
          { candidateId: 'f1', votes: 3 },
          { candidateId: 'm1', votes: 9 },
        ],
      },
    ]);
    expect(result.status).toBe('decided');
    expect(result.elected.map((p) => p.gender)).toEqual(['male', 'female', 'male']);
    expect(ids(result)).toEqual({
      elected: [
        ['m1', 1],
        ['f1', 2],
        ['m2', 3],
      ],
      substitutes: [['f2', 1]],
    });
  });

  it('when a round matches no outstanding tie or its totals are wrong, then it throws InvalidTallyError', () => {
    const options = { ...base, candidates: [f('a', 20), f('b', 10), m('c', 10)] };
    const totals = [
      { candidateId: 'b', votes: 1 },
      { candidateId: 'c', votes: 2 },
    ];
    expect(() => applyRevotes(options, [{ candidateIds: ['a', 'b'], totals }])).toThrow(InvalidTallyError);
    expect(() => applyRevotes(options, [{ candidateIds: ['b', 'c'], totals: totals.slice(0, 1) }])).toThrow(
      'no total',
    );
    expect(() =>
      applyRevotes(options, [
        { candidateIds: ['b', 'c'], totals: [...totals, { candidateId: 'a', votes: 1 }] },
      ]),
    ).toThrow(InvalidTallyError);
    expect(() =>
      applyRevotes({ ...options, tieBreak: 'lot', lotSeed: 's' }, [{ candidateIds: ['b', 'c'], totals }]),
    ).toThrow('tieBreak revote');
    // After the tie is decided, a further revote among the same is refused.
    const round = { candidateIds: ['b', 'c'], totals };
    expect(() => applyRevotes(options, [round, round])).toThrow('matches no tie');
  });

  it('with no rounds, it is the first-round allocation', () => {
    const options = { ...base, candidates: [f('a', 20), f('b', 10), m('c', 10)] };
    expect(applyRevotes(options, [])).toEqual(allocateSeats(options));
  });
});

const gender = fc.constantFrom<Gender>('female', 'male', 'other', 'undisclosed');
const settings = fc.record({
  seats: fc.integer({ min: 1, max: 5 }),
  substituteSeats: fc.integer({ min: 0, max: 3 }),
  parity: fc.oneof(
    fc.constant('zipper' as const),
    fc.constant('none' as const),
    fc.record({ minShare: fc.constantFrom(0.25, 0.4, 0.5) }),
  ),
  shortfall: fc.constantFrom('fill-from-others' as const, 'leave-vacant' as const),
});
const candidatesOf = fc
  .array(fc.record({ gender, votes: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 8 })
  .map((list) => list.map((entry, index): CandidateTotal => ({ candidateId: `c${index}`, ...entry })));
const revoteVotes = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 });

describe('applyRevotes properties', () => {
  it('is the allocation of the first round with each revote’s votes as a finer tie-break of its group', () => {
    fc.assert(
      fc.property(settings, candidatesOf, revoteVotes, (s, candidates, extra) => {
        const options = { ...s, tieBreak: 'revote' as const, candidates };
        const first = allocateSeats(options);
        fc.pre(first.revotes.length > 0);
        const call = first.revotes[0]!;
        const round = {
          candidateIds: call.candidateIds,
          totals: call.candidateIds.map((id, index) => ({ candidateId: id, votes: extra[index]! })),
        };
        const after = applyRevotes(options, [round]);
        // The same as counting first-round votes ×100 plus the revote's votes for the tied.
        const revoted = new Map(round.totals.map((t) => [t.candidateId, t.votes]));
        const scaled = allocateSeats({
          ...options,
          candidates: candidates.map((c) => ({
            ...c,
            votes: c.votes * 100 + (revoted.get(c.candidateId) ?? 0),
          })),
        });
        expect(ids(after)).toEqual(ids(scaled));
        expect(after.vacancies).toEqual(scaled.vacancies);
        expect(after.revotes.map((r) => r.candidateIds)).toEqual(scaled.revotes.map((r) => r.candidateIds));
        // Candidates whose outcome did not depend on the tie keep it.
        const outcome = (result: AllocationResult, id: string) =>
          result.elected.some((p) => p.candidateId === id)
            ? 'full'
            : (result.substitutes.find((p) => p.candidateId === id)?.position ?? 'none');
        for (const candidate of candidates)
          if (!call.affectedCandidateIds.includes(candidate.candidateId))
            expect(outcome(after, candidate.candidateId)).toEqual(outcome(first, candidate.candidateId));
        // Under fill-from-others the lists fill as many places as before (under leave-vacant the order
        // may decide a vacancy); under parity none nobody moves across a first-round difference.
        if (s.shortfall === 'fill-from-others') {
          expect(after.elected.length).toBe(first.elected.length);
          expect(after.substitutes.length).toBe(first.substitutes.length);
        }
        const lowestElected = Math.min(...after.elected.map((p) => p.votes));
        if (s.parity === 'none')
          for (const candidate of candidates)
            if (candidate.votes > lowestElected)
              expect(after.elected.some((p) => p.candidateId === candidate.candidateId)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('decides every tie after one revote each when the revotes give distinct votes', () => {
    fc.assert(
      fc.property(settings, candidatesOf, (s, candidates) => {
        const options = { ...s, tieBreak: 'revote' as const, candidates };
        const rounds: { candidateIds: string[]; totals: { candidateId: string; votes: number }[] }[] = [];
        let result = applyRevotes(options, rounds);
        for (let guard = 0; result.status === 'revote-required' && guard < 10; guard += 1) {
          const call = result.revotes[0]!;
          rounds.push({
            candidateIds: call.candidateIds,
            totals: call.candidateIds.map((id, index) => ({ candidateId: id, votes: index })),
          });
          result = applyRevotes(options, rounds);
        }
        expect(result.status).toBe('decided');
        // Each revote was among candidates tied in the first round.
        const votes = new Map(candidates.map((c) => [c.candidateId, c.votes]));
        for (const round of rounds)
          expect(new Set(round.candidateIds.map((id) => votes.get(id))).size).toBe(1);
        // At most one revote per first-round tie group (settling one tie may make another matter).
        const tiedValues = new Set(
          candidates
            .filter((a) => candidates.some((b) => b !== a && b.votes === a.votes))
            .map((c) => c.votes),
        );
        expect(rounds.length).toBeLessThanOrEqual(tiedValues.size);
        expect(result.lots).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
