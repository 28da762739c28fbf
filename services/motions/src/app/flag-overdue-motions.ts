import { publishEvent } from '@konsey/service-kit';
import { recordTransition } from '../data/motion-repository.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import { judgeFirstMeeting } from '../domain/first-meeting-rule.js';
import type { MotionsPrisma, MotionsTx } from '../motions-prisma.js';
import { motionEventRef } from './motion-event-ref.js';

export interface FlagOverdueOptions {
  today: string;
  /** An agenda being recorded now: these motions are on that meeting's agenda. */
  agendaOf?: { meetingId: string; motionIds: string[] };
}

/**
 * Judge the first-meeting rule for every sent motion not yet flagged, and flag those that broke it:
 * the flag, an audit row and `motions.motion.overdue`, once per motion. Returns the ids flagged.
 */
export async function flagOverdueMotions(tx: MotionsTx, options: FlagOverdueOptions): Promise<string[]> {
  const candidates = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM motions WHERE state IN ('sent', 'on-municipal-agenda', 'in-commission') AND received_on IS NOT NULL
       AND overdue_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED`,
  );
  if (candidates.length === 0) return [];
  const motions = await tx.motion.findMany({ where: { id: { in: candidates.map((row) => row.id) } } });
  const meetings = (await tx.municipalMeeting.findMany()).map((meeting) => ({
    id: meeting.id,
    meetingOn: toCalendarDate(meeting.meetingOn),
    agendaRecorded: meeting.agendaRecordedAt !== null || meeting.id === options.agendaOf?.meetingId,
  }));
  const flagged: string[] = [];
  for (const motion of motions) {
    const onNewAgenda = options.agendaOf?.motionIds.includes(motion.id) && motion.state === 'sent';
    const verdict = judgeFirstMeeting({
      receivedOn: toCalendarDate(motion.receivedOn!),
      meetings,
      agendaMeetingId: onNewAgenda ? options.agendaOf!.meetingId : motion.municipalMeetingId,
      today: options.today,
    });
    if (!verdict.overdue) continue;
    const firstMeetingOn = verdict.firstMeeting.meetingOn;
    await tx.motion.update({
      where: { id: motion.id },
      data: { overdueAt: new Date(), overdueMeetingOn: fromCalendarDate(firstMeetingOn) },
    });
    await recordTransition(tx, {
      motionId: motion.id,
      action: 'flag-overdue',
      fromState: motion.state,
      toState: motion.state,
      actorId: 'motions',
      actorRole: 'system',
      details: { firstMeetingOn },
    });
    await publishEvent(tx, {
      type: 'motions.motion.overdue',
      data: {
        ...(await motionEventRef(tx, motion)),
        sentOn: toCalendarDate(motion.letterDate!),
        firstMeetingOn,
      },
    });
    flagged.push(motion.id);
  }
  return flagged;
}

/** The periodic check the worker runs: one transaction over every sent motion. */
export function checkOverdueMotions(prisma: MotionsPrisma, today: string): Promise<string[]> {
  return prisma.$transaction((tx) => flagOverdueMotions(tx, { today }));
}
