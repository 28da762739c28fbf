import fc from 'fast-check';
import { InvalidTallyError } from './invalid-tally-error.js';
import { quorumStatus } from './quorum.js';

describe('quorumStatus', () => {
  it('when half plus one of 392 members (197) are present, then the first meeting has a quorum; 196 is not enough', () => {
    const fallback = 'second-meeting-without-quorum' as const;
    expect(quorumStatus({ members: 392, present: 197, meeting: 'first', fallback })).toMatchObject({
      reached: true,
      required: 197,
      rule: 'absolute-majority',
    });
    expect(quorumStatus({ members: 392, present: 196, meeting: 'first', fallback })).toMatchObject({
      reached: false,
      required: 197,
      next: 'second-meeting',
    });
  });

  it('when the first meeting fails under İzmir’s rule, then the second meeting proceeds whoever comes', () => {
    expect(
      quorumStatus({
        members: 392,
        present: 12,
        meeting: 'second',
        fallback: 'second-meeting-without-quorum',
      }),
    ).toMatchObject({ reached: true, required: 0, rule: 'second-meeting-without-quorum' });
  });

  it('when the fallback is a minimum attendance (Tekirdağ: twice a board of 11), then the second meeting needs 22', () => {
    const fallback = { minimumAttendance: 22 };
    expect(quorumStatus({ members: 300, present: 21, meeting: 'second', fallback })).toMatchObject({
      reached: false,
      required: 22,
      rule: 'minimum-attendance',
    });
    expect(quorumStatus({ members: 300, present: 22, meeting: 'second', fallback }).reached).toBe(true);
  });

  it('when attendance is impossible, then it throws', () => {
    expect(() =>
      quorumStatus({ members: 10, present: 11, meeting: 'first', fallback: 'second-meeting-without-quorum' }),
    ).toThrow(InvalidTallyError);
  });

  it('reaches the first-meeting quorum exactly when more than half the members are present', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 2000 })
          .chain((members) => fc.tuple(fc.constant(members), fc.integer({ min: 0, max: members }))),
        ([members, present]) => {
          const status = quorumStatus({
            members,
            present,
            meeting: 'first',
            fallback: 'second-meeting-without-quorum',
          });
          expect(status.reached).toBe(2 * present > members);
        },
      ),
      { numRuns: 200 },
    );
  });
});
