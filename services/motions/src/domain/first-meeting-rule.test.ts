import fc from 'fast-check';
import { firstMeetingAfter, judgeFirstMeeting, type CouncilMeeting } from './first-meeting-rule.js';

const meeting = (id: string, meetingOn: string, agendaRecorded = false): CouncilMeeting => ({
  id,
  meetingOn,
  agendaRecorded,
});
const calendar = [
  meeting('jan', '2027-01-05', true),
  meeting('feb', '2027-02-02'),
  meeting('mar', '2027-03-02'),
];

describe('the first-meeting rule', () => {
  it('when the motion was received, then the first meeting is the earliest one strictly after that day', () => {
    expect(firstMeetingAfter('2027-01-04', calendar)?.id).toBe('jan');
    expect(firstMeetingAfter('2027-01-05', calendar)?.id).toBe('feb');
    expect(firstMeetingAfter('2027-03-02', calendar)).toBeUndefined();
    expect(firstMeetingAfter('2027-01-10', [...calendar].reverse())?.id).toBe('feb');
  });

  it('when the motion was on the first meeting’s agenda, then it is not overdue', () => {
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-01-10',
        meetings: calendar,
        agendaMeetingId: 'feb',
        today: '2027-06-01',
      }).overdue,
    ).toBe(false);
  });

  it('when the first meeting passed without the motion, then it is overdue, naming that meeting', () => {
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-01-10',
        meetings: calendar,
        agendaMeetingId: null,
        today: '2027-02-03',
      }),
    ).toEqual({
      overdue: true,
      firstMeeting: calendar[1],
    });
  });

  it('when the first meeting has not happened and its agenda is not known, then it is not overdue yet', () => {
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-01-10',
        meetings: calendar,
        agendaMeetingId: null,
        today: '2027-02-02',
      }).overdue,
    ).toBe(false);
  });

  it('when the first meeting’s agenda is recorded without the motion, then it is overdue before the meeting itself', () => {
    const known = [meeting('feb', '2027-02-02', true)];
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-01-10',
        meetings: known,
        agendaMeetingId: null,
        today: '2027-01-20',
      }).overdue,
    ).toBe(true);
  });

  it('when the motion is taken up at a later meeting, then it stays overdue', () => {
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-01-10',
        meetings: calendar,
        agendaMeetingId: 'mar',
        today: '2027-03-02',
      }).overdue,
    ).toBe(true);
  });

  it('when no meeting follows receipt, then nothing is overdue', () => {
    expect(
      judgeFirstMeeting({
        receivedOn: '2027-04-01',
        meetings: calendar,
        agendaMeetingId: null,
        today: '2028-01-01',
      }).overdue,
    ).toBe(false);
  });

  it('when any calendar is given, then a motion on the first meeting’s agenda is never overdue and one on none is overdue once that meeting is past', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { minLength: 1, maxLength: 12 }),
        day,
        day,
        (dates, receivedOn, today) => {
          const meetings = dates.map((d, i) => meeting(`m${i}`, d));
          const first = firstMeetingAfter(receivedOn, meetings);
          if (!first) return;
          expect(judgeFirstMeeting({ receivedOn, meetings, agendaMeetingId: first.id, today }).overdue).toBe(
            false,
          );
          expect(judgeFirstMeeting({ receivedOn, meetings, agendaMeetingId: null, today }).overdue).toBe(
            first.meetingOn < today,
          );
        },
      ),
    );
  });
});
