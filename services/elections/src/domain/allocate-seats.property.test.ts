import fc from 'fast-check';
import type { Gender } from '@konsey/contracts';
import { type AllocateSeatsOptions, allocateSeats } from './allocate-seats.js';
import type { AllocationResult, Placement } from './allocation-result.js';
import type { CandidateTotal } from './candidate-total.js';
import { drawLots } from './draw-lots.js';
import { rankCandidates } from './rank-candidates.js';

const RUNS = { numRuns: 150 };

const gender = fc.constantFrom<Gender>('female', 'male', 'other', 'undisclosed');
const binaryGender = fc.constantFrom<Gender>('female', 'male');

/** Candidates with unique ids; small vote ranges so that ties are common. */
const candidatesOf = (genders: fc.Arbitrary<Gender>, maxLength = 12) =>
  fc
    .array(fc.record({ gender: genders, votes: fc.integer({ min: 0, max: 8 }) }), { maxLength })
    .map((list) => list.map((entry, index): CandidateTotal => ({ candidateId: `c${index}`, ...entry })));

const settings = fc.record({
  seats: fc.integer({ min: 1, max: 6 }),
  substituteSeats: fc.integer({ min: 0, max: 4 }),
  parity: fc.oneof(
    fc.constant('zipper' as const),
    fc.constant('none' as const),
    fc.record({ minShare: fc.constantFrom(0.2, 0.25, 0.4, 0.5) }),
  ),
  shortfall: fc.constantFrom('fill-from-others' as const, 'leave-vacant' as const),
  tieBreak: fc.constantFrom('lot' as const, 'revote' as const),
  lotSeed: fc.string({ maxLength: 8 }),
});

const binary = (list: readonly Placement[]) =>
  list.filter((entry) => entry.gender === 'female' || entry.gender === 'male');
const alternates = (list: readonly Placement[]) =>
  list.every((entry, index) => index === 0 || entry.gender !== list[index - 1]!.gender);
const count = (list: readonly Placement[], wanted: Gender) =>
  list.filter((entry) => entry.gender === wanted).length;

/** Every candidate left out of a list with more votes than someone in it is a reported, parity-driven displacement. */
function expectNoUnreportedPassOver(
  pool: readonly CandidateTotal[],
  list: readonly Placement[],
  result: AllocationResult,
  seat: 'full' | 'substitute',
  parity: AllocateSeatsOptions['parity'],
) {
  const placed = new Set(list.map((entry) => entry.candidateId));
  const lowest = Math.min(...list.map((entry) => entry.votes));
  const passedOver = pool.filter(
    (candidate) => !placed.has(candidate.candidateId) && candidate.votes > lowest,
  );
  const reported = result.displacements.filter((entry) => entry.seat === seat);
  if (parity === 'none') expect(passedOver).toEqual([]);
  expect(reported.map((entry) => entry.passedOver.candidateId).sort()).toEqual(
    passedOver.map((candidate) => candidate.candidateId).sort(),
  );
  for (const entry of reported) {
    expect(entry.inFavourOf.votes).toBeLessThan(entry.passedOver.votes);
    expect(entry.inFavourOf.reservedFor).not.toBeNull();
    expect(entry.inFavourOf.reservedFor).not.toBe(entry.passedOver.gender);
  }
}

describe('allocateSeats properties', () => {
  it('under the zipper with enough women and men, the women and men of each list alternate, led by the top vote-getter’s gender', () => {
    fc.assert(
      fc.property(
        settings,
        candidatesOf(binaryGender, 6),
        candidatesOf(gender, 6),
        (options, women, others) => {
          const seats = options.seats;
          const candidates = [
            ...Array.from({ length: seats + options.substituteSeats }, (_, index): CandidateTotal => ({
              candidateId: `w${index}`,
              gender: 'female',
              votes: (women[index]?.votes ?? index) % 9,
            })),
            ...Array.from({ length: seats + options.substituteSeats }, (_, index): CandidateTotal => ({
              candidateId: `m${index}`,
              gender: 'male',
              votes: (women[index + 6]?.votes ?? index * 3) % 9,
            })),
            ...others.filter(
              (candidate) => candidate.gender === 'other' || candidate.gender === 'undisclosed',
            ),
          ];
          const result = allocateSeats({ ...options, parity: 'zipper', candidates });
          const ranked = rankCandidates({
            candidates,
            ...(options.tieBreak === 'lot' ? { lotSeed: options.lotSeed } : {}),
          });
          const lead = ranked.find(
            (candidate) => candidate.gender === 'female' || candidate.gender === 'male',
          )!.gender;
          expect(result.vacancies).toEqual([]);
          expect(result.shortfalls).toEqual([]);
          expect(result.elected).toHaveLength(seats);
          const full = binary(result.elected);
          expect(alternates(full)).toBe(true);
          expect(full[0]?.gender ?? lead).toBe(lead);
          const other = lead === 'female' ? 'male' : 'female';
          expect(count(full, lead)).toBe(Math.ceil(full.length / 2));
          expect(count(full, other)).toBe(Math.floor(full.length / 2));
          const substitutes = binary(result.substitutes);
          expect(alternates(substitutes)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('under a minimum share with enough women and men, each gets at least floor(seats × share) places in both lists', () => {
    fc.assert(
      fc.property(
        settings,
        fc.constantFrom(0.2, 0.25, 0.4, 0.5),
        candidatesOf(gender),
        (options, minShare, rest) => {
          const need = options.seats + options.substituteSeats;
          const candidates = [
            ...rest,
            ...Array.from({ length: need }, (_, index): CandidateTotal => ({
              candidateId: `w${index}`,
              gender: 'female',
              votes: index % 3,
            })),
            ...Array.from({ length: need }, (_, index): CandidateTotal => ({
              candidateId: `m${index}`,
              gender: 'male',
              votes: index % 2,
            })),
          ];
          const result = allocateSeats({ ...options, parity: { minShare }, candidates });
          for (const [list, size] of [
            [result.elected, options.seats],
            [result.substitutes, options.substituteSeats],
          ] as const) {
            expect(list).toHaveLength(size);
            const quota = Math.floor(size * minShare + 1e-9);
            expect(count(list, 'female')).toBeGreaterThanOrEqual(quota);
            expect(count(list, 'male')).toBeGreaterThanOrEqual(quota);
          }
        },
      ),
      RUNS,
    );
  });

  it('never passes over a candidate with more votes except for parity, and reports every such displacement', () => {
    fc.assert(
      fc.property(settings, candidatesOf(gender), (options, candidates) => {
        const result = allocateSeats({ ...options, candidates });
        expectNoUnreportedPassOver(candidates, result.elected, result, 'full', options.parity);
        const elected = new Set(result.elected.map((entry) => entry.candidateId));
        const rest = candidates.filter((candidate) => !elected.has(candidate.candidateId));
        expectNoUnreportedPassOver(rest, result.substitutes, result, 'substitute', options.parity);
      }),
      RUNS,
    );
  });

  it('fills every place exactly once: placements and vacancies cover each list, nobody is placed twice', () => {
    fc.assert(
      fc.property(settings, candidatesOf(gender), (options, candidates) => {
        const result = allocateSeats({ ...options, candidates });
        for (const [seat, list, size] of [
          ['full', result.elected, options.seats],
          ['substitute', result.substitutes, options.substituteSeats],
        ] as const) {
          const positions = [
            ...list.map((entry) => entry.position),
            ...result.vacancies.filter((entry) => entry.seat === seat).map((entry) => entry.position),
          ].sort((a, b) => a - b);
          expect(positions).toEqual(Array.from({ length: size }, (_, index) => index + 1));
        }
        const placed = [...result.elected, ...result.substitutes].map((entry) => entry.candidateId);
        expect(new Set(placed).size).toBe(placed.length);
        if (options.shortfall === 'fill-from-others')
          expect(result.vacancies.length === 0 || placed.length === candidates.length).toBe(true);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        settings,
        candidatesOf(gender).chain((candidates) =>
          fc.tuple(
            fc.constant(candidates),
            fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }),
          ),
        ),
        (options, [candidates, shuffled]) => {
          expect(allocateSeats({ ...options, candidates: shuffled })).toEqual(
            allocateSeats({ ...options, candidates }),
          );
        },
      ),
      RUNS,
    );
  });

  it('resolves ties reproducibly from the seed: every reported draw can be redone and the lists follow it', () => {
    fc.assert(
      fc.property(settings, candidatesOf(gender), (options, candidates) => {
        const result = allocateSeats({ ...options, tieBreak: 'lot', candidates });
        expect(result.status).toBe('decided');
        expect(result.revotes).toEqual([]);
        expect(allocateSeats({ ...options, tieBreak: 'lot', candidates })).toEqual(result);
        const ranked = rankCandidates({ candidates, lotSeed: options.lotSeed }).map(
          (entry) => entry.candidateId,
        );
        for (const draw of result.lots) {
          expect(draw.seed).toBe(options.lotSeed);
          expect(drawLots({ seed: options.lotSeed, candidateIds: [...draw.tied].reverse() })).toEqual(draw);
          const votes = new Set(
            draw.tied.map((id) => candidates.find((entry) => entry.candidateId === id)!.votes),
          );
          expect(votes.size).toBe(1);
          expect(ranked.filter((id) => draw.tied.includes(id))).toEqual(draw.order);
        }
      }),
      RUNS,
    );
  });

  it('under revote, a tie is sent to a revote exactly when some order of the tied would change an outcome', () => {
    fc.assert(
      fc.property(settings, candidatesOf(gender, 8), (options, candidates) => {
        const result = allocateSeats({ ...options, tieBreak: 'revote', candidates });
        expect(result.lots).toEqual([]);
        expect(result.status).toBe(result.revotes.length > 0 ? 'revote-required' : 'decided');
        for (const call of result.revotes) {
          expect(call.candidateIds.length).toBeGreaterThanOrEqual(2);
          expect(call.affectedCandidateIds.length).toBeGreaterThan(0);
          expect(call.fullSeats > 0 || call.substituteRanks.length > 0).toBe(true);
        }
        const tiedVotes = new Set(
          candidates
            .filter((a) => candidates.some((b) => b !== a && b.votes === a.votes))
            .map((entry) => entry.votes),
        );
        for (const call of result.revotes) expect(tiedVotes.has(call.votes)).toBe(true);
      }),
      RUNS,
    );
  });
});
