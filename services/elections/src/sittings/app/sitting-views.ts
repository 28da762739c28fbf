import type { QuorumFallbackSetting } from '../../domain/election-settings.js';
import type { PollRow } from '../data/poll-repository.js';
import type { SittingRow } from '../data/sitting-repository.js';

export function fallbackOf(sitting: SittingRow): QuorumFallbackSetting {
  return sitting.quorumFallback === 'minimum-attendance'
    ? { minimumAttendance: sitting.minimumAttendance! }
    : 'second-meeting-without-quorum';
}

export function sittingView(sitting: SittingRow) {
  return {
    sittingId: sitting.sittingId,
    bodyId: sitting.bodyId,
    title: sitting.title,
    scheduledAt: sitting.scheduledAt.toISOString(),
    meeting: sitting.meeting as 'first' | 'second',
    firstSittingId: sitting.firstSittingId,
    status: sitting.status as 'scheduled' | 'open' | 'closed',
    quorumFallback: fallbackOf(sitting),
    presentOnlyVoting: sitting.presentOnlyVoting,
    rollSize: sitting.rollSize,
    openedAt: sitting.openedAt?.toISOString() ?? null,
    closedAt: sitting.closedAt?.toISOString() ?? null,
  };
}

export function attendanceView(stay: {
  attendanceId: string;
  memberId: string;
  representativeName: string | null;
  checkInMethod: string;
  checkedInAt: Date;
  checkedOutAt: Date | null;
}) {
  return {
    attendanceId: stay.attendanceId,
    memberId: stay.memberId,
    representativeName: stay.representativeName,
    method: stay.checkInMethod as 'member-id' | 'qr',
    checkedInAt: stay.checkedInAt.toISOString(),
    checkedOutAt: stay.checkedOutAt?.toISOString() ?? null,
  };
}

/** A poll as staff see it: the counts only once voting has closed. */
export function pollView(poll: PollRow, votesCast: number) {
  const closed = poll.status === 'closed';
  return {
    pollId: poll.pollId,
    subject: { kind: 'motion' as const, id: poll.subjectId },
    title: poll.title,
    bodyId: poll.bodyId,
    sittingId: poll.sittingId,
    visibility: poll.visibility as 'open' | 'secret',
    majority: poll.majority as 'present' | 'cast',
    choices: poll.choices.split(',') as ('yes' | 'no' | 'abstain')[],
    status: poll.status as 'pending' | 'ready' | 'voting' | 'closed',
    votesCast,
    requestedAt: poll.requestedAt.toISOString(),
    votingOpenedAt: poll.votingOpenedAt?.toISOString() ?? null,
    result: closed
      ? {
          yes: poll.yes,
          no: poll.no,
          abstain: poll.abstain,
          present: poll.present!,
          outcome: poll.outcome as 'adopted' | 'rejected',
          decidedAt: poll.closedAt!.toISOString(),
        }
      : null,
  };
}
