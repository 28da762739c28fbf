import fc from 'fast-check';
import { InvalidTallyError } from '../../domain/invalid-tally-error.js';
import { decidePoll, pollPresence } from './decide-poll.js';

describe('decidePoll, majority of those present', () => {
  it.each([
    // yes, no, abstain, present, outcome, required
    [51, 0, 0, 100, 'adopted', 51],
    [50, 0, 0, 100, 'rejected', 51],
    [50, 10, 40, 100, 'rejected', 51],
    [6, 0, 0, 11, 'adopted', 6],
    [5, 0, 6, 11, 'rejected', 6],
    [1, 0, 0, 1, 'adopted', 1],
    [0, 0, 0, 0, 'rejected', 1],
    [2, 1, 0, 4, 'rejected', 3],
    [3, 1, 0, 4, 'adopted', 3],
    [197, 100, 95, 392, 'adopted', 197],
  ] as const)('yes %i, no %i, abstain %i of %i present → %s (needs %i)', (yes, no, abstain, present, outcome, required) => {
    expect(decidePoll({ yes, no, abstain, present }, 'present')).toMatchObject({ outcome, required });
  });

  it('when many abstain, then yes may beat no and still fail, because abstaining counts against', () => {
    const decision = decidePoll({ yes: 30, no: 10, abstain: 40, present: 80 }, 'present');
    expect(decision.outcome).toBe('rejected');
    expect(decision.reason.en).toMatch(/30 of the 80 members present/);
    expect(decision.reason.tr).toMatch(/41 gerekiyordu/);
  });
});

describe('decidePoll, majority of votes cast', () => {
  it.each([
    [30, 10, 40, 80, 'adopted', 11],
    [10, 10, 0, 20, 'rejected', 11],
    [11, 10, 0, 21, 'adopted', 11],
    [1, 0, 99, 100, 'adopted', 1],
    [0, 0, 5, 5, 'rejected', 1],
    [0, 0, 0, 0, 'rejected', 1],
    [4, 5, 0, 9, 'rejected', 6],
  ] as const)('yes %i, no %i, abstain %i of %i present → %s (needs %i)', (yes, no, abstain, present, outcome, required) => {
    expect(decidePoll({ yes, no, abstain, present }, 'cast')).toMatchObject({ outcome, required });
  });

  it('when the poll is rejected, then the reason says abstentions are not votes cast', () => {
    expect(decidePoll({ yes: 3, no: 3, abstain: 2, present: 9 }, 'cast').reason).toEqual({
      tr: expect.stringContaining('çekimser 2 oy sayılmaz'),
      en: expect.stringContaining('the 2 abstentions are not votes cast'),
    });
  });
});

describe('decidePoll, impossible counts', () => {
  it.each([
    [{ yes: -1, no: 0, abstain: 0, present: 3 }, 'invalid-count'],
    [{ yes: 1.5, no: 0, abstain: 0, present: 3 }, 'invalid-count'],
    [{ yes: 0, no: 0, abstain: 0, present: Number.NaN }, 'invalid-count'],
    [{ yes: 2, no: 1, abstain: 1, present: 3 }, 'more-votes-than-present'],
  ])('%j is refused (%s)', (counts, code) => {
    for (const majority of ['present', 'cast'] as const) {
      expect(() => decidePoll(counts, majority)).toThrow(InvalidTallyError);
      expect(() => decidePoll(counts, majority)).toThrow(expect.objectContaining({ code }));
    }
  });
});

describe('decidePoll, properties', () => {
  const tally = fc
    .record({ yes: fc.nat(500), no: fc.nat(500), abstain: fc.nat(500), absent: fc.nat(500) })
    .map(({ yes, no, abstain, absent }) => ({ yes, no, abstain, present: yes + no + abstain + absent }));

  it('a majority of those present is always also a majority of votes cast', () => {
    fc.assert(
      fc.property(tally, (counts) => {
        if (decidePoll(counts, 'present').outcome === 'adopted')
          expect(decidePoll(counts, 'cast').outcome).toBe('adopted');
      }),
    );
  });

  it('one more yes never turns adopted into rejected, and one more no never turns rejected into adopted', () => {
    fc.assert(
      fc.property(tally, fc.constantFrom('present' as const, 'cast' as const), (counts, majority) => {
        const before = decidePoll(counts, majority).outcome;
        const moreYes = decidePoll({ ...counts, yes: counts.yes + 1, present: counts.present + 1 }, majority);
        const moreNo = decidePoll({ ...counts, no: counts.no + 1, present: counts.present + 1 }, majority);
        if (before === 'adopted') expect(moreYes.outcome).toBe('adopted');
        if (before === 'rejected') expect(moreNo.outcome).toBe('rejected');
      }),
    );
  });

  it('under the votes-cast rule, abstentions never change the outcome; under the present rule they only hurt', () => {
    fc.assert(
      fc.property(tally, fc.nat(50), (counts, extra) => {
        const more = { ...counts, abstain: counts.abstain + extra, present: counts.present + extra };
        expect(decidePoll(more, 'cast').outcome).toBe(decidePoll(counts, 'cast').outcome);
        if (decidePoll(more, 'present').outcome === 'adopted')
          expect(decidePoll(counts, 'present').outcome).toBe('adopted');
      }),
    );
  });

  it('adopted exactly when yes reaches the required number', () => {
    fc.assert(
      fc.property(tally, fc.constantFrom('present' as const, 'cast' as const), (counts, majority) => {
        const decision = decidePoll(counts, majority);
        expect(decision.outcome === 'adopted').toBe(counts.yes >= decision.required);
        if (majority === 'present') expect(2 * decision.required).toBeGreaterThan(counts.present);
        else expect(decision.required).toBe(counts.no + 1);
      }),
    );
  });
});

describe('pollPresence', () => {
  it('when a member voted and then left, then they still count as present; nobody counts twice', () => {
    expect(pollPresence({ presentAtClose: ['a', 'b', 'c'], voters: ['a', 'd'] })).toBe(4);
    expect(pollPresence({ presentAtClose: [], voters: [] })).toBe(0);
    expect(pollPresence({ presentAtClose: ['a', 'a'], voters: ['a'] })).toBe(1);
  });
});
