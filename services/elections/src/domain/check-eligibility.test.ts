import fc from 'fast-check';
import {
  type EligibilityCandidate,
  type EligibilityElection,
  checkEligibility,
} from './check-eligibility.js';
import { type HeldOffice, countedTerms, isPrecedingTerm } from './term-limit.js';

const board = 'body-executive';
const held = (periodStart: number, term: 1 | 2, extra: Partial<HeldOffice> = {}): HeldOffice => ({
  office: 'executive-board',
  bodyId: board,
  seat: 'full',
  periodStart,
  term,
  ...extra,
});
const member = (extra: Partial<EligibilityCandidate> = {}): EligibilityCandidate => ({
  memberId: 'm1',
  kind: 'individual',
  status: 'active',
  gender: 'female',
  inElectorateBody: false,
  officeHistory: [],
  ...extra,
});
const boardElection: EligibilityElection = {
  office: 'executive-board',
  bodyId: board,
  electorateBodyKind: 'general-assembly',
  forTerm: { periodStart: 2026, term: 1 },
};
const limits = { maxTerms: 2, window: 'consecutive' } as const;

describe('checkEligibility', () => {
  it('when an active member of the General Assembly has no history, then they are eligible', () => {
    expect(checkEligibility({ candidate: member(), election: boardElection, settings: limits })).toEqual({
      eligible: true,
    });
  });

  it('when the member held the executive-board seat 2021–2023 and 2023–2026, then the reason names both terms', () => {
    const result = checkEligibility({
      candidate: member({ officeHistory: [held(2021, 2), held(2021, 1)] }),
      election: boardElection,
      settings: limits,
    });
    expect(result).toEqual({
      eligible: false,
      refusals: [
        {
          code: 'term-limit',
          reason: {
            tr: 'Yürütme Kurulu üyeliğini 2021–2023 ve 2023–2026 dönemlerinde üst üste yürüttü; aynı göreve üst üste en çok 2 dönem aday olunabilir',
            en: 'held executive-board seat 2021–2023 and 2023–2026; the limit is 2 consecutive terms in the same office',
          },
        },
      ],
    });
  });

  it('when a full term out of office separates the terms, then consecutive counting starts again', () => {
    const candidate = member({ officeHistory: [held(2016, 1), held(2021, 2)] });
    expect(checkEligibility({ candidate, election: boardElection, settings: limits })).toEqual({
      eligible: true,
    });
    expect(
      checkEligibility({ candidate, election: boardElection, settings: { maxTerms: 2, window: 'lifetime' } }),
    ).toMatchObject({
      eligible: false,
      refusals: [{ code: 'term-limit', reason: { en: expect.stringContaining('2016–2018 and 2023–2026') } }],
    });
  });

  it('when the terms were in another office, another body, or as a substitute, then they do not count', () => {
    const candidate = member({
      officeHistory: [
        held(2021, 1, { office: 'president' }),
        held(2021, 2, { bodyId: 'another-body' }),
        held(2021, 2, { seat: 'substitute' }),
        held(2021, 1),
      ],
    });
    expect(checkEligibility({ candidate, election: boardElection, settings: limits })).toEqual({
      eligible: true,
    });
  });

  it('when a member is suspended, terminated, or outside the electing assembly, then every reason is given', () => {
    const result = checkEligibility({
      candidate: member({ status: 'suspended', inElectorateBody: false }),
      election: { ...boardElection, office: 'facilitator', electorateBodyKind: 'assembly' },
      settings: limits,
    });
    expect(result).toMatchObject({
      eligible: false,
      refusals: [{ code: 'suspended' }, { code: 'not-in-electorate-body' }],
    });
    expect(
      checkEligibility({
        candidate: member({ status: 'terminated' }),
        election: boardElection,
        settings: limits,
      }),
    ).toMatchObject({ refusals: [{ code: 'membership-ended', reason: { tr: 'Üyeliği sona ermiş' } }] });
  });

  it('when an institution stands, then only its full representative may act for it', () => {
    const institution = (seat?: 'full' | 'substitute') =>
      checkEligibility({
        candidate: member({ kind: 'institutional', actingRepresentative: seat ? { seat } : null }),
        election: boardElection,
        settings: limits,
      });
    expect(institution('full')).toEqual({ eligible: true });
    expect(institution('substitute')).toMatchObject({ refusals: [{ code: 'no-full-representative' }] });
    expect(institution()).toMatchObject({ refusals: [{ code: 'no-full-representative' }] });
  });

  it('when co-spokespersons are elected, then each place takes its own gender and other genders cannot hold them', () => {
    const election: EligibilityElection = {
      ...boardElection,
      office: 'co-spokesperson',
      electorateBodyKind: 'assembly',
      slot: 'male',
    };
    const check = (gender: EligibilityCandidate['gender'], slot?: 'female' | 'male') =>
      checkEligibility({
        candidate: member({ gender, inElectorateBody: true }),
        election: slot ? { ...election, slot } : { ...election, slot: undefined },
        settings: limits,
      });
    expect(check('male', 'male')).toEqual({ eligible: true });
    expect(check('female', 'male')).toMatchObject({
      refusals: [{ code: 'gender-slot', reason: { en: 'This co-spokesperson place is reserved for men' } }],
    });
    expect(check('female')).toEqual({ eligible: true });
    expect(check('undisclosed')).toMatchObject({ refusals: [{ code: 'gender-slot' }] });
  });
});

describe('countedTerms', () => {
  it('links term 1 to term 2 of a period and term 2 to term 1 of the next period only', () => {
    expect(isPrecedingTerm({ periodStart: 2019, term: 1 }, { periodStart: 2019, term: 2 })).toBe(true);
    expect(isPrecedingTerm({ periodStart: 2019, term: 2 }, { periodStart: 2024, term: 1 })).toBe(true);
    expect(isPrecedingTerm({ periodStart: 2019, term: 1 }, { periodStart: 2024, term: 1 })).toBe(false);
    expect(isPrecedingTerm({ periodStart: 2014, term: 2 }, { periodStart: 2024, term: 1 })).toBe(false);
  });

  it('counts a term held in two parts once, and ignores terms from the elected term on', () => {
    expect(
      countedTerms({
        history: [held(2021, 2), held(2021, 2), held(2026, 1)],
        office: 'executive-board',
        bodyId: board,
        forTerm: { periodStart: 2026, term: 1 },
        window: 'lifetime',
      }),
    ).toEqual([{ periodStart: 2021, term: 2 }]);
  });

  it('never counts more consecutive terms than lifetime terms, and counts an unbroken run fully', () => {
    const slot = fc.record({
      periodStart: fc.constantFrom(2004, 2009, 2014, 2019),
      term: fc.constantFrom(1 as const, 2 as const),
    });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 8 }), (slots) => {
        const history = slots.map((entry) => held(entry.periodStart, entry.term));
        const options = {
          history,
          office: 'executive-board' as const,
          bodyId: board,
          forTerm: { periodStart: 2024, term: 1 as const },
        };
        const consecutive = countedTerms({ ...options, window: 'consecutive' });
        const lifetime = countedTerms({ ...options, window: 'lifetime' });
        expect(consecutive.length).toBeLessThanOrEqual(lifetime.length);
        expect(lifetime).toEqual(expect.arrayContaining(consecutive));
        const all = [2004, 2009, 2014, 2019].flatMap((periodStart) => [
          held(periodStart, 1),
          held(periodStart, 2),
        ]);
        expect(countedTerms({ ...options, history: all, window: 'consecutive' })).toHaveLength(8);
      }),
      { numRuns: 100 },
    );
  });
});
