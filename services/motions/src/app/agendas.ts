import { randomUUID } from 'node:crypto';
import { AppError, publishEvent } from '@konsey/service-kit';
import type { Actor } from '../domain/actor.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import type { MotionsPrisma } from '../motions-prisma.js';
import type { MotionContext } from './motion-context.js';
import { motionEventRef } from './motion-event-ref.js';
import { transitionMotion } from './transition-motion.js';

/** The Executive Board opens the agenda of a General Assembly meeting. */
export async function createAgenda(
  prisma: MotionsPrisma,
  options: { actor: Actor; bodyId: string; meetingOn: string; title: string },
): Promise<string> {
  const id = randomUUID();
  await prisma.agenda.create({
    data: {
      id,
      bodyId: options.bodyId,
      meetingOn: fromCalendarDate(options.meetingOn),
      title: options.title,
      createdBy: options.actor.id,
    },
  });
  return id;
}

/** Put an accepted motion on an agenda, at the end. */
export async function scheduleMotion(
  context: MotionContext,
  options: { actor: Actor; agendaId: string; motionId: string },
): Promise<number> {
  return context.prisma.$transaction(async (tx) => {
    const agenda = await tx.agenda.findUnique({ where: { id: options.agendaId } });
    if (!agenda) throw new AppError('not-found', { detail: `agenda ${options.agendaId}` });
    await tx.$queryRawUnsafe('SELECT id FROM agendas WHERE id = $1::uuid FOR UPDATE', agenda.id);
    const last = await tx.motion.aggregate({
      where: { agendaId: agenda.id },
      _max: { agendaPosition: true },
    });
    const position = (last._max.agendaPosition ?? 0) + 1;
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'schedule',
      actor: options.actor,
      details: { agendaId: agenda.id, position },
      changes: () => ({ agendaId: agenda.id, agendaPosition: position }),
    });
    await publishEvent(tx, {
      type: 'motions.motion.scheduled',
      data: {
        ...(await motionEventRef(tx, after)),
        agendaId: agenda.id,
        meetingOn: toCalendarDate(agenda.meetingOn),
        position,
      },
    });
    return position;
  });
}

/** Reorder an agenda: `motionIds` must list exactly the motions on it, in the new order. */
export async function orderAgenda(
  prisma: MotionsPrisma,
  options: { agendaId: string; motionIds: string[] },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agenda = await tx.agenda.findUnique({
      where: { id: options.agendaId },
      include: { motions: true },
    });
    if (!agenda) throw new AppError('not-found', { detail: `agenda ${options.agendaId}` });
    const current = agenda.motions.map((motion) => motion.id).sort();
    if (
      new Set(options.motionIds).size !== options.motionIds.length ||
      [...options.motionIds].sort().join() !== current.join()
    )
      throw new AppError('validation-failed', {
        errors: [
          {
            field: 'body.motionIds',
            code: 'not_the_agenda',
            message: 'list every motion on the agenda exactly once',
          },
        ],
      });
    // Positions move aside first, so the unique (agenda, position) index holds at every step.
    await tx.motion.updateMany({ where: { agendaId: agenda.id }, data: { agendaPosition: null } });
    for (const [index, motionId] of options.motionIds.entries())
      await tx.motion.update({ where: { id: motionId }, data: { agendaPosition: index + 1 } });
  });
}

/** Ask elections to run the General Assembly's open poll on a motion on the agenda (a command in the outbox). */
export async function openPoll(
  context: MotionContext,
  options: { actor: Actor; motionId: string; visibility: 'open' | 'secret'; majority: 'present' | 'cast' },
): Promise<string> {
  return context.prisma.$transaction(async (tx) => {
    const pollId = randomUUID();
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'open-poll',
      actor: options.actor,
      details: { pollId },
      guard: (motion) => {
        if (!motion.agendaId)
          throw new AppError('illegal-transition', { detail: 'the motion is on no agenda' });
      },
      changes: () => ({ pollId }),
    });
    const agenda = await tx.agenda.findUniqueOrThrow({ where: { id: after.agendaId! } });
    await publishEvent(tx, {
      type: 'elections.poll.open',
      data: {
        pollId,
        subject: { kind: 'motion', id: after.id },
        title: after.title.slice(0, 300),
        bodyId: agenda.bodyId,
        visibility: options.visibility,
        majority: options.majority,
        choices: ['yes', 'no', 'abstain'],
        requestedAt: new Date().toISOString(),
      },
    });
    return pollId;
  });
}
