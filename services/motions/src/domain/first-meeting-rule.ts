/**
 * The first-meeting rule (Belediye Kanunu md. 76): the municipal council must put a motion it received on
 * the agenda of its first meeting after receipt. Dates are calendar dates as `YYYY-MM-DD` strings, which
 * order correctly as text. A meeting on the day of receipt does not count as "after" it.
 */
export interface CouncilMeeting {
  id: string;
  meetingOn: string;
  /** The meeting's agenda has been recorded here (so who is on it is known even before the meeting). */
  agendaRecorded: boolean;
}

export interface FirstMeetingInput {
  receivedOn: string;
  meetings: readonly CouncilMeeting[];
  /** The meeting whose agenda first carried the motion, if any. */
  agendaMeetingId: string | null;
  today: string;
}

export type FirstMeetingVerdict =
  | { overdue: false; firstMeeting: CouncilMeeting | undefined }
  | { overdue: true; firstMeeting: CouncilMeeting };

export function firstMeetingAfter(
  receivedOn: string,
  meetings: readonly CouncilMeeting[],
): CouncilMeeting | undefined {
  return meetings
    .filter((meeting) => meeting.meetingOn > receivedOn)
    .reduce<CouncilMeeting | undefined>(
      (earliest, meeting) => (!earliest || meeting.meetingOn < earliest.meetingOn ? meeting : earliest),
      undefined,
    );
}

/**
 * Was the rule broken? Yes when the first meeting after receipt has passed, or its agenda is known, and the
 * motion was not on that meeting's agenda (being on a later one does not mend it).
 */
export function judgeFirstMeeting(input: FirstMeetingInput): FirstMeetingVerdict {
  const firstMeeting = firstMeetingAfter(input.receivedOn, input.meetings);
  if (!firstMeeting || input.agendaMeetingId === firstMeeting.id) return { overdue: false, firstMeeting };
  if (input.agendaMeetingId !== null) return { overdue: true, firstMeeting };
  const settled = firstMeeting.agendaRecorded || firstMeeting.meetingOn < input.today;
  return settled ? { overdue: true, firstMeeting } : { overdue: false, firstMeeting };
}
