import { AppError, publishEvent } from '@konsey/service-kit';
import type { MotionRow } from '../data/motion-repository.js';
import type { Actor } from '../domain/actor.js';
import type { MotionContext } from './motion-context.js';
import { motionEventRef } from './motion-event-ref.js';
import { motionRef, transitionMotion } from './transition-motion.js';

function mustBeSubmitter(actor: Actor) {
  return (motion: MotionRow) => {
    if (motion.submitterId !== actor.id)
      throw new AppError('not-submitter', { detail: 'only the submitter of the motion may do this' });
  };
}

export interface ReviseMotionOptions {
  actor: Actor;
  motionId: string;
  title?: string | undefined;
  text?: string | undefined;
  rationale?: string | undefined;
  note?: string | undefined;
}

/** The submitter revises a draft or a returned motion; the earlier text stays as a revision. */
export async function reviseMotion(context: MotionContext, options: ReviseMotionOptions): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'revise',
      actor: options.actor,
      reason: options.note,
      guard: mustBeSubmitter(options.actor),
      changes: (motion) => ({
        title: options.title ?? motion.title,
        text: options.text ?? motion.text,
        rationale: options.rationale ?? motion.rationale,
        revision: motion.revision + 1,
      }),
    });
    await tx.motionRevision.create({
      data: {
        motionId: after.id,
        revision: after.revision,
        title: after.title,
        text: after.text,
        rationale: after.rationale,
        authorId: options.actor.id,
        note: options.note ?? null,
      },
    });
  });
}

/** A member co-sponsors a draft (or returned) motion under the name they choose to show. */
export async function coSponsorMotion(
  context: MotionContext,
  options: { actor: Actor; motionId: string; displayName: string },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'co-sponsor',
      actor: options.actor,
      guard: async (motion) => {
        const existing = await tx.motionSponsor.findUnique({
          where: { motionId_memberId: { motionId: motion.id, memberId: options.actor.id } },
        });
        if (existing)
          throw new AppError('already-sponsor', {
            detail: `you are already ${existing.role} of this motion`,
          });
      },
    });
    await tx.motionSponsor.create({
      data: {
        motionId: options.motionId,
        memberId: options.actor.id,
        displayName: options.displayName,
        role: 'co-sponsor',
      },
    });
  });
}

/** The submitter submits the motion to the Executive Board; a member motion needs its co-sponsors first. */
export async function submitMotion(
  context: MotionContext,
  options: { actor: Actor; motionId: string },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'submit',
      actor: options.actor,
      guard: async (motion) => {
        mustBeSubmitter(options.actor)(motion);
        if (motion.originKind !== 'members') return;
        const cosponsors = await tx.motionSponsor.count({
          where: { motionId: motion.id, role: 'co-sponsor' },
        });
        if (cosponsors < context.minCosponsors)
          throw new AppError('too-few-cosponsors', {
            detail: `a member motion needs ${context.minCosponsors} co-sponsors; it has ${cosponsors}`,
          });
      },
    });
    await publishEvent(tx, {
      type: 'motions.motion.submitted',
      data: {
        ...(await motionEventRef(tx, after)),
        revision: after.revision,
        submittedAt: new Date().toISOString(),
      },
    });
  });
}

/** The submitter or the Executive Board withdraws a motion at a point the council allows. */
export async function withdrawMotion(
  context: MotionContext,
  options: { actor: Actor; motionId: string; reason?: string | undefined },
): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const { before, after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: 'withdraw',
      actor: options.actor,
      reason: options.reason,
      guard: (motion) => {
        if (!options.actor.roles.includes('executive-board')) mustBeSubmitter(options.actor)(motion);
      },
      changes: () => ({ agendaId: null, agendaPosition: null }),
    });
    await publishEvent(tx, {
      type: 'motions.motion.withdrawn',
      // A draft was never seen by its co-sponsors or its body: its withdrawal names nobody to tell.
      data: {
        ...(before.state === 'draft' ? motionRef(after) : await motionEventRef(tx, after)),
        withdrawnAt: new Date().toISOString(),
      },
    });
  });
}

/** Link two motions that bear on each other (the submitter or the Executive Board). */
export async function relateMotions(
  context: MotionContext,
  options: { actor: Actor; motionId: string; relatedId: string },
): Promise<void> {
  if (options.motionId === options.relatedId)
    throw new AppError('unknown-motion', { detail: 'a motion cannot be related to itself' });
  await context.prisma.$transaction(async (tx) => {
    const [motion, related] = await Promise.all([
      tx.motion.findUnique({ where: { id: options.motionId } }),
      tx.motion.findUnique({ where: { id: options.relatedId } }),
    ]);
    if (!motion) throw new AppError('not-found', { detail: `motion ${options.motionId}` });
    if (!related) throw new AppError('unknown-motion', { detail: `motion ${options.relatedId}` });
    if (!options.actor.roles.includes('executive-board')) mustBeSubmitter(options.actor)(motion);
    await tx.motionRelation.upsert({
      where: { motionId_relatedId: { motionId: motion.id, relatedId: related.id } },
      create: { motionId: motion.id, relatedId: related.id },
      update: {},
    });
  });
}
