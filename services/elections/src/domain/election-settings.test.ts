import { ElectionSettings, electionSettingsFor } from './election-settings.js';

describe('ElectionSettings', () => {
  it('when nothing is given, then the defaults of DOMAIN.md apply', () => {
    expect(ElectionSettings.parse({})).toEqual({
      method: 'block',
      seats: 1,
      substituteSeats: 0,
      maxChoices: 1,
      parity: 'zipper',
      shortfall: 'fill-from-others',
      tieBreak: 'lot',
      maxTerms: 2,
      window: 'consecutive',
      presidentBase: 'registered',
      announcementDays: 15,
      quorumFallback: 'second-meeting-without-quorum',
    });
  });

  it('when a board of 7 with 7 substitutes is set, then voters may mark up to 7 names by default', () => {
    expect(ElectionSettings.parse({ seats: 7, substituteSeats: 7 })).toMatchObject({ maxChoices: 7 });
  });

  it('when an assembly or working group elects, then parity defaults to none; decision bodies keep the zipper', () => {
    expect(electionSettingsFor('assembly').parse({}).parity).toBe('none');
    expect(electionSettingsFor('working-group').parse({}).parity).toBe('none');
    expect(electionSettingsFor('executive-board').parse({}).parity).toBe('zipper');
  });

  it('accepts a minimum share and a minimum attendance', () => {
    expect(
      ElectionSettings.parse({ parity: { minShare: 0.4 }, quorumFallback: { minimumAttendance: 22 } }),
    ).toMatchObject({ parity: { minShare: 0.4 }, quorumFallback: { minimumAttendance: 22 } });
  });

  it('refuses impossible combinations with the field named', () => {
    const issues = (input: unknown) =>
      ElectionSettings.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ method: 'president-three-rounds', seats: 3 })).toEqual(['seats']);
    expect(issues({ method: 'plurality', seats: 2 })).toEqual(['seats']);
    expect(issues({ seats: 3, maxChoices: 4 })).toEqual(['maxChoices']);
    expect(issues({ parity: { minShare: 0.6 } })).toEqual(['parity.minShare']);
    expect(issues({ tieBreak: 'coin' })).toEqual(['tieBreak']);
    expect(issues({ seats: 0 })).toEqual(['seats']);
  });
});
