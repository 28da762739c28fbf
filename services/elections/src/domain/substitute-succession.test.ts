import fc from 'fast-check';
import type { Gender } from '@konsey/contracts';
import { type WaitingSubstitute, succeedToSeat } from './substitute-succession.js';

const sub = (memberId: string, gender: Gender, rank: number): WaitingSubstitute => ({
  memberId,
  gender,
  rank,
});
const woman = { memberId: 'leaving', gender: 'female', reservedFor: 'female' } as const;

describe('succeedToSeat', () => {
  it('when a woman leaves, then the highest-ranked woman among the substitutes takes the seat, even below a man', () => {
    const change = succeedToSeat({
      leaving: woman,
      substitutes: [sub('m1', 'male', 1), sub('f2', 'female', 3), sub('f1', 'female', 2)],
      shortfall: 'fill-from-others',
    });
    expect(change).toMatchObject({
      kind: 'succeeded',
      leaving: 'leaving',
      successor: { memberId: 'f1', rank: 2 },
      basis: 'same-gender',
      parityKept: true,
    });
    expect(change.remaining.map((entry) => entry.memberId)).toEqual(['m1', 'f2']);
    expect(change.reason.tr).toContain('aynı cinsiyetten');
  });

  it('when no woman is left but a substitute of other gender is, then they take the seat (it was open to them)', () => {
    expect(
      succeedToSeat({
        leaving: woman,
        substitutes: [sub('m1', 'male', 1), sub('x1', 'other', 2)],
        shortfall: 'leave-vacant',
      }),
    ).toMatchObject({ kind: 'succeeded', successor: { memberId: 'x1' }, basis: 'open-to', parityKept: true });
  });

  it('when only men are left under fill-from-others, then the highest-ranked man takes it and parity is reported broken', () => {
    const change = succeedToSeat({
      leaving: woman,
      substitutes: [sub('m2', 'male', 2), sub('m1', 'male', 1)],
      shortfall: 'fill-from-others',
    });
    expect(change).toMatchObject({
      kind: 'succeeded',
      successor: { memberId: 'm1' },
      basis: 'fill-from-others',
      parityKept: false,
    });
    expect(change.reason.en).toContain('parity is not kept');
  });

  it('when only men are left under leave-vacant, then the seat stays vacant', () => {
    expect(
      succeedToSeat({ leaving: woman, substitutes: [sub('m1', 'male', 1)], shortfall: 'leave-vacant' }),
    ).toMatchObject({
      kind: 'vacant',
      code: 'no-substitute-of-gender',
    });
  });

  it('when no substitute is left, then the seat stays vacant', () => {
    expect(succeedToSeat({ leaving: woman, substitutes: [], shortfall: 'fill-from-others' })).toMatchObject({
      kind: 'vacant',
      code: 'no-substitute',
    });
  });

  it('when a member of undisclosed gender in a men’s zipper place leaves, then the highest substitute who is a man or of other/undisclosed gender takes it', () => {
    expect(
      succeedToSeat({
        leaving: { memberId: 'u', gender: 'undisclosed', reservedFor: 'male' },
        substitutes: [sub('f1', 'female', 1), sub('m1', 'male', 2), sub('x1', 'other', 3)],
        shortfall: 'fill-from-others',
      }),
    ).toMatchObject({ successor: { memberId: 'm1' }, basis: 'open-to' });
  });

  it('when the place was open to all, then the highest-ranked substitute of another gender may take it', () => {
    expect(
      succeedToSeat({
        leaving: { memberId: 'x', gender: 'other', reservedFor: null },
        substitutes: [sub('f1', 'female', 1)],
        shortfall: 'leave-vacant',
      }),
    ).toMatchObject({ successor: { memberId: 'f1' }, basis: 'open-to' });
  });

  it('keeps the women/men balance whenever a substitute of the leaver’s gender exists', () => {
    const genders = fc.constantFrom<Gender>('female', 'male', 'other', 'undisclosed');
    fc.assert(
      fc.property(
        fc.constantFrom('female' as const, 'male' as const),
        fc.array(genders, { maxLength: 8 }),
        fc.constantFrom('fill-from-others' as const, 'leave-vacant' as const),
        (gender, substituteGenders, shortfall) => {
          const substitutes = substituteGenders.map((entry, index) => sub(`s${index}`, entry, index + 1));
          const change = succeedToSeat({
            leaving: { memberId: 'l', gender, reservedFor: gender },
            substitutes: [...substitutes].reverse(),
            shortfall,
          });
          const first = substitutes.find((entry) => entry.gender === gender);
          if (first) expect(change).toMatchObject({ kind: 'succeeded', successor: first, parityKept: true });
          if (change.kind === 'succeeded') {
            expect(change.remaining).toHaveLength(substitutes.length - 1);
            if (
              change.successor.gender !== gender &&
              (change.successor.gender === 'female' || change.successor.gender === 'male')
            )
              expect(change.parityKept).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
