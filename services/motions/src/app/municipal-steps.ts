import { randomUUID } from 'node:crypto';
import type { MunicipalOutcome } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import type { Actor } from '../domain/actor.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import type { MotionsPrisma } from '../motions-prisma.js';
import { flagOverdueMotions } from './flag-overdue-motions.js';
import type { MotionContext } from './motion-context.js';
import { motionEventRef } from './motion-event-ref.js';
import { transitionMotion } from './transition-motion.js';

/** The Executive Board sends an adopted motion to the municipality with an official letter. */
export async function sendMotion(
  context: MotionContext,
  options: {
    actor: Actor;
    motionId: string;
    letterNumber: string;
    letterDate: string;
    receivedOn?: string | undefined;
  },
): Promise<void> {
  const receivedOn = options.receivedOn ?? options.letterDate;
  if (receivedOn < options.letterDate)
    throw new AppError('validation-failed', {
      errors: [
        {
          field: 'body.receivedOn',
          code: 'before_letter',
          message: 'the municipality cannot receive the letter before its date',
        },
      ],
    });
  await context.prisma.$transaction(async (tx) => {
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'send',
      actor: options.actor,
      details: { letterNumber: options.letterNumber, letterDate: options.letterDate, receivedOn },
      changes: () => ({
        letterNumber: options.letterNumber,
        letterDate: fromCalendarDate(options.letterDate),
        receivedOn: fromCalendarDate(receivedOn),
      }),
    });
    await publishEvent(tx, {
      type: 'motions.motion.sent',
      data: {
        ...(await motionEventRef(tx, after)),
        letterNumber: options.letterNumber,
        sentOn: options.letterDate,
      },
    });
  });
}

/** Record a meeting of the municipal council in the calendar the first-meeting rule is judged against. */
export async function recordMunicipalMeeting(
  prisma: MotionsPrisma,
  options: { meetingOn: string },
): Promise<string> {
  const existing = await prisma.municipalMeeting.findUnique({
    where: { meetingOn: fromCalendarDate(options.meetingOn) },
  });
  if (existing)
    throw new AppError('meeting-exists', { detail: `a meeting on ${options.meetingOn} is recorded` });
  const id = randomUUID();
  await prisma.municipalMeeting.create({ data: { id, meetingOn: fromCalendarDate(options.meetingOn) } });
  return id;
}

/**
 * Record the agenda of a municipal council meeting: the motions on it (with their agenda item) move on,
 * and the first-meeting rule is judged again for every motion it concerns.
 */
export async function recordMunicipalAgenda(
  context: MotionContext,
  options: {
    actor: Actor;
    meetingId: string;
    items: { motionId: string; agendaItem: string }[];
    today: string;
  },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const meeting = await tx.municipalMeeting.findUnique({ where: { id: options.meetingId } });
    if (!meeting) throw new AppError('not-found', { detail: `municipal meeting ${options.meetingId}` });
    const meetingOn = toCalendarDate(meeting.meetingOn);
    // Judged before the motions move, so a motion first taken up at a later meeting is still found late.
    await flagOverdueMotions(tx, {
      today: options.today,
      agendaOf: { meetingId: meeting.id, motionIds: options.items.map((item) => item.motionId) },
    });
    for (const item of options.items) {
      await transitionMotion(tx, {
        workflow: context.workflow,
        motionId: item.motionId,
        action: 'record-municipal-agenda',
        actor: options.actor,
        details: { meetingOn, agendaItem: item.agendaItem },
        guard: (motion) => {
          if (motion.receivedOn && toCalendarDate(motion.receivedOn) >= meetingOn)
            throw new AppError('illegal-transition', {
              detail: `motion ${motion.id} reached the municipality after this meeting`,
            });
        },
        // The first meeting that took the motion up is kept (the rule is judged against it); later ones are audited.
        changes: (motion) =>
          motion.municipalMeetingId
            ? {}
            : { municipalMeetingId: meeting.id, municipalAgendaItem: item.agendaItem },
      });
    }
    await tx.municipalMeeting.update({ where: { id: meeting.id }, data: { agendaRecordedAt: new Date() } });
  });
}

/** Record what the municipal council decided; a referral to a commission waits for a later decision. */
export async function recordMunicipalDecision(
  context: MotionContext,
  options: {
    actor: Actor;
    motionId: string;
    outcome: MunicipalOutcome;
    decisionNumber: string;
    decidedOn: string;
    text: string;
  },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action:
        options.outcome === 'referred-to-commission' ? 'refer-to-commission' : 'record-municipal-decision',
      actor: options.actor,
      details: {
        outcome: options.outcome,
        decisionNumber: options.decisionNumber,
        decidedOn: options.decidedOn,
      },
      changes: () => ({
        municipalOutcome: options.outcome,
        decisionNumber: options.decisionNumber,
        decidedOn: fromCalendarDate(options.decidedOn),
        decisionText: options.text,
      }),
    });
    await publishEvent(tx, {
      type: 'motions.motion.decided',
      data: {
        ...(await motionEventRef(tx, after)),
        outcome: options.outcome,
        decisionNumber: options.decisionNumber,
        decidedOn: options.decidedOn,
      },
    });
  });
}

/** Close a decided motion: the council's follow-up is over. */
export async function closeMotion(
  context: MotionContext,
  options: { actor: Actor; motionId: string; note?: string | undefined },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'close',
      actor: options.actor,
      reason: options.note,
    });
  });
}
