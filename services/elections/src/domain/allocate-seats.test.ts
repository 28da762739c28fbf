import { createHash } from 'node:crypto';
import type { Gender } from '@konsey/contracts';
import { allocateSeats } from './allocate-seats.js';
import type { CandidateTotal } from './candidate-total.js';
import { InvalidTallyError } from './invalid-tally-error.js';

const f = (candidateId: string, votes: number): CandidateTotal => ({ candidateId, gender: 'female', votes });
const m = (candidateId: string, votes: number): CandidateTotal => ({ candidateId, gender: 'male', votes });
const x = (candidateId: string, votes: number, gender: Gender = 'other'): CandidateTotal => ({
  candidateId,
  gender,
  votes,
});
const ids = (list: readonly { candidateId: string }[]) => list.map((entry) => entry.candidateId);
const base = {
  substituteSeats: 0,
  shortfall: 'fill-from-others',
  tieBreak: 'lot',
  lotSeed: 'seed-2026',
} as const;

describe('allocateSeats under the zipper', () => {
  it('when women and men both stand, then the list alternates, led by the top vote-getter, who gets the extra seat', () => {
    const result = allocateSeats({
      ...base,
      seats: 5,
      parity: 'zipper',
      candidates: [m('m1', 70), f('f1', 100), f('f2', 90), f('f3', 80), m('m2', 60), m('m3', 50)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1', 'f2', 'm2', 'f3']);
    expect(result.elected.map((placement) => placement.reservedFor)).toEqual([
      'female',
      'male',
      'female',
      'male',
      'female',
    ]);
    expect(result.displacements).toEqual([]);
    expect(result.status).toBe('decided');
  });

  it('when a man tops the poll, then men lead the zipper', () => {
    const result = allocateSeats({
      ...base,
      seats: 3,
      parity: 'zipper',
      candidates: [f('f1', 90), f('f2', 80), m('m1', 95), m('m2', 10)],
    });
    expect(ids(result.elected)).toEqual(['m1', 'f1', 'm2']);
  });

  it('when parity passes over a woman with more votes, then the displacement names both candidates and she heads the substitutes', () => {
    const result = allocateSeats({
      ...base,
      seats: 2,
      substituteSeats: 2,
      parity: 'zipper',
      candidates: [f('f1', 100), f('f2', 90), m('m1', 10), m('m2', 5)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1']);
    expect(ids(result.substitutes)).toEqual(['f2', 'm2']);
    expect(result.displacements).toEqual([
      expect.objectContaining({
        seat: 'full',
        code: 'parity-zipper',
        passedOver: { candidateId: 'f2', gender: 'female', votes: 90 },
        inFavourOf: { candidateId: 'm1', gender: 'male', votes: 10, position: 2, reservedFor: 'male' },
      }),
    ]);
    expect(result.displacements[0]!.reason.en).toContain('f2 (90 votes) was passed over');
    expect(result.displacements[0]!.reason.tr).toContain('f2 (90 oy)');
  });

  it('when a candidate of other gender outpolls the reserved gender, then they take the place and the alternation does not move', () => {
    const result = allocateSeats({
      ...base,
      seats: 4,
      parity: 'zipper',
      candidates: [x('x1', 100), f('f1', 90), m('m1', 80), f('f2', 70), m('m2', 75)],
    });
    expect(ids(result.elected)).toEqual(['x1', 'f1', 'm1', 'f2']);
    expect(result.elected[0]).toMatchObject({ reservedFor: 'female', basis: 'open' });
    expect(
      result.displacements.map((entry) => [entry.passedOver.candidateId, entry.inFavourOf.candidateId]),
    ).toEqual([['m2', 'f2']]);
  });

  it('when an undisclosed candidate ranks below the reserved gender, then the reserved gender keeps the place', () => {
    const result = allocateSeats({
      ...base,
      seats: 2,
      parity: 'zipper',
      candidates: [f('f1', 100), x('u1', 60, 'undisclosed'), m('m1', 70)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1']);
  });

  it('when women run short under fill-from-others, then a man fills the women’s place and the shortfall is reported', () => {
    const result = allocateSeats({
      ...base,
      seats: 4,
      parity: 'zipper',
      candidates: [f('f1', 100), m('m1', 90), m('m2', 80), m('m3', 70)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1', 'm2', 'm3']);
    expect(result.elected[2]).toMatchObject({ reservedFor: 'female', basis: 'fill-from-others' });
    expect(result.shortfalls).toEqual([
      expect.objectContaining({
        seat: 'full',
        gender: 'female',
        missing: 1,
        resolution: 'filled-from-others',
      }),
    ]);
    expect(result.vacancies).toEqual([]);
  });

  it('when women run short under leave-vacant, then the women’s place stays empty and men keep only their own places', () => {
    const result = allocateSeats({
      ...base,
      shortfall: 'leave-vacant',
      seats: 4,
      parity: 'zipper',
      candidates: [f('f1', 100), m('m1', 90), m('m2', 80), m('m3', 70)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1', 'm2']);
    expect(result.elected.map((placement) => placement.position)).toEqual([1, 2, 4]);
    expect(result.vacancies).toEqual([
      expect.objectContaining({ seat: 'full', position: 3, reservedFor: 'female' }),
    ]);
    expect(result.shortfalls).toEqual([
      expect.objectContaining({ gender: 'female', missing: 1, resolution: 'left-vacant' }),
    ]);
    expect(result.vacancies[0]!.reason.tr).toContain('kadınlar');
  });

  it('when there are fewer candidates than seats, then the rest are vacant', () => {
    const result = allocateSeats({
      ...base,
      seats: 3,
      parity: 'zipper',
      candidates: [f('f1', 3), m('m1', 2)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'm1']);
    expect(result.vacancies.map((entry) => [entry.position, entry.reservedFor])).toEqual([[3, 'female']]);
  });
});

describe('allocateSeats under a minimum share', () => {
  it('when men poll low, then they still get floor(seats × share) places and the rest go by votes', () => {
    const result = allocateSeats({
      ...base,
      seats: 5,
      parity: { minShare: 0.4 },
      candidates: [f('f1', 100), f('f2', 90), f('f3', 80), f('f4', 70), m('m1', 20), m('m2', 10)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'f2', 'f3', 'm1', 'm2']);
    expect(result.elected.find((placement) => placement.candidateId === 'f3')).toMatchObject({
      basis: 'open',
      reservedFor: null,
    });
    expect(
      result.displacements.map((entry) => [entry.passedOver.candidateId, entry.inFavourOf.candidateId]),
    ).toEqual([['f4', 'm2']]);
    expect(result.displacements[0]!.code).toBe('parity-min-share');
  });

  it('when candidates of other gender stand, then they compete for the open places only', () => {
    const result = allocateSeats({
      ...base,
      seats: 3,
      parity: { minShare: 0.5 },
      candidates: [x('x1', 100), x('x2', 90), f('f1', 10), m('m1', 5)],
    });
    expect(ids(result.elected)).toEqual(['x1', 'f1', 'm1']);
  });

  it('when men are short under leave-vacant, then their reserved place stays empty', () => {
    const result = allocateSeats({
      ...base,
      shortfall: 'leave-vacant',
      seats: 4,
      parity: { minShare: 0.5 },
      candidates: [f('f1', 10), f('f2', 9), f('f3', 8), m('m1', 1)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'f2', 'm1']);
    expect(result.vacancies).toEqual([expect.objectContaining({ position: 4, reservedFor: 'male' })]);
    expect(result.shortfalls).toEqual([expect.objectContaining({ gender: 'male', missing: 1 })]);
  });
});

describe('allocateSeats without parity', () => {
  it('when parity is none, then places go by votes and nobody is displaced', () => {
    const result = allocateSeats({
      ...base,
      seats: 2,
      substituteSeats: 1,
      parity: 'none',
      candidates: [f('f1', 100), f('f2', 90), m('m1', 10)],
    });
    expect(ids(result.elected)).toEqual(['f1', 'f2']);
    expect(ids(result.substitutes)).toEqual(['m1']);
    expect(result.displacements).toEqual([]);
  });
});

describe('allocateSeats with ties', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('when two candidates tie for the last seat under lot, then the smaller SHA-256(seed:id) wins and the draw is reported', () => {
    const result = allocateSeats({
      ...base,
      seats: 1,
      parity: 'none',
      lotSeed: 'İzmir-2026-kura',
      candidates: [m('ahmet', 10), m('mehmet', 10), m('ali', 3)],
    });
    const keys = { ahmet: sha('İzmir-2026-kura:ahmet'), mehmet: sha('İzmir-2026-kura:mehmet') };
    const winner = keys.ahmet < keys.mehmet ? 'ahmet' : 'mehmet';
    expect(ids(result.elected)).toEqual([winner]);
    expect(result.lots).toEqual([
      {
        seed: 'İzmir-2026-kura',
        tied: ['ahmet', 'mehmet'],
        order: winner === 'ahmet' ? ['ahmet', 'mehmet'] : ['mehmet', 'ahmet'],
        keys,
      },
    ]);
  });

  it('when the tied candidates are all elected anyway, then no lot is reported', () => {
    const result = allocateSeats({
      ...base,
      seats: 2,
      parity: 'none',
      candidates: [f('a', 10), f('b', 10), f('c', 3), f('d', 0), f('e', 0)],
    });
    expect(result.lots).toEqual([]);
  });

  it('when a tie decides a substitute rank, then it matters', () => {
    const result = allocateSeats({
      ...base,
      tieBreak: 'revote',
      seats: 1,
      substituteSeats: 2,
      parity: 'none',
      candidates: [f('a', 10), f('b', 5), f('c', 5)],
    });
    expect(result.revotes).toEqual([
      expect.objectContaining({ candidateIds: ['b', 'c'], votes: 5, fullSeats: 0, substituteRanks: [1, 2] }),
    ]);
  });

  it('when two tie for the last seat under revote, then the result asks for a revote between them for one seat', () => {
    const result = allocateSeats({
      ...base,
      tieBreak: 'revote',
      seats: 2,
      parity: 'none',
      candidates: [f('a', 20), f('b', 10), m('c', 10)],
    });
    expect(result.status).toBe('revote-required');
    expect(result.revotes).toEqual([
      expect.objectContaining({
        candidateIds: ['b', 'c'],
        votes: 10,
        fullSeats: 1,
        affectedCandidateIds: ['b', 'c'],
      }),
    ]);
    expect(result.revotes[0]!.reason.en).toBe(
      'b, c tied on 10 votes; they go to a revote for 1 full seat(s)',
    );
    expect(result.revotes[0]!.reason.tr).toBe(
      'b, c 10 oyla eşit; 1 asil üyelik için aralarında yeniden oylama yapılır',
    );
  });

  it('when a woman and a man tie at the top of an odd zipper, then the tie decides the extra seat for others', () => {
    const result = allocateSeats({
      ...base,
      tieBreak: 'revote',
      seats: 3,
      parity: 'zipper',
      candidates: [f('f1', 50), m('m1', 50), f('f2', 40), m('m2', 40)],
    });
    expect(result.revotes).toEqual([
      expect.objectContaining({
        candidateIds: ['f1', 'm1'],
        fullSeats: 1,
        affectedCandidateIds: ['f2', 'm2'],
      }),
    ]);
  });

  it('when the seed changes, then the same tie may fall the other way, but the same seed always draws the same', () => {
    const candidates = [f('a', 1), f('b', 1), f('c', 1), f('d', 1)];
    const winners = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map(
        (lotSeed) =>
          ids(allocateSeats({ ...base, lotSeed, seats: 1, parity: 'none', candidates }).elected)[0],
      ),
    );
    expect(winners.size).toBeGreaterThan(1);
    const once = allocateSeats({ ...base, seats: 1, parity: 'none', candidates });
    expect(
      allocateSeats({ ...base, seats: 1, parity: 'none', candidates: [...candidates].reverse() }),
    ).toEqual(once);
  });
});

describe('allocateSeats refuses impossible input', () => {
  it('when a candidate appears twice, then it throws InvalidTallyError', () => {
    expect(() =>
      allocateSeats({ ...base, seats: 1, parity: 'none', candidates: [f('a', 1), f('a', 2)] }),
    ).toThrow(InvalidTallyError);
  });

  it('when votes are negative or fractional, then it throws', () => {
    expect(() => allocateSeats({ ...base, seats: 1, parity: 'none', candidates: [f('a', -1)] })).toThrow(
      'a has -1 votes',
    );
    expect(() => allocateSeats({ ...base, seats: 1, parity: 'none', candidates: [f('a', 1.5)] })).toThrow(
      InvalidTallyError,
    );
  });

  it('when tieBreak is lot without a seed, then it throws', () => {
    expect(() =>
      allocateSeats({
        seats: 1,
        substituteSeats: 0,
        shortfall: 'leave-vacant',
        tieBreak: 'lot',
        parity: 'none',
        candidates: [],
      }),
    ).toThrow('seed');
  });
});
