import { randomUUID } from 'node:crypto';
import type { MotionTopic } from '@konsey/contracts';
import { AppError } from '@konsey/service-kit';
import { recordTransition } from '../data/motion-repository.js';
import type { Actor } from '../domain/actor.js';
import type { MotionContext } from './motion-context.js';

export type MotionOrigin =
  | { kind: 'members' }
  | { kind: 'executive-board' }
  | { kind: 'assembly' | 'working-group'; bodyId: string; name: string };

export interface CreateMotionOptions {
  actor: Actor;
  /** The name the submitter chose to show on the motion. */
  displayName: string;
  title: string;
  text: string;
  rationale: string;
  topic: MotionTopic;
  origin: MotionOrigin;
  relatedMotionIds?: string[] | undefined;
}

/** Draft a motion: its first revision, its submitter as first sponsor, its related motions, audited. */
export async function createMotion(context: MotionContext, options: CreateMotionOptions): Promise<string> {
  const { actor, origin } = options;
  if (origin.kind === 'executive-board' && !actor.roles.includes('executive-board'))
    throw new AppError('wrong-role', {
      detail: 'only the Executive Board drafts a motion of the Executive Board',
    });
  if (origin.kind === 'members' && !actor.roles.includes('member'))
    throw new AppError('wrong-role', { detail: 'a motion of members is drafted by a member' });
  return context.prisma.$transaction(async (tx) => {
    const related = [...new Set(options.relatedMotionIds ?? [])];
    if (related.length) {
      const found = await tx.motion.count({ where: { id: { in: related } } });
      if (found !== related.length)
        throw new AppError('unknown-motion', {
          detail: 'relatedMotionIds names a motion that does not exist',
        });
    }
    const id = randomUUID();
    await tx.motion.create({
      data: {
        id,
        title: options.title,
        text: options.text,
        rationale: options.rationale,
        topic: options.topic,
        originKind: origin.kind,
        originBodyId: 'bodyId' in origin ? origin.bodyId : null,
        originName: 'name' in origin ? origin.name : null,
        submitterId: actor.id,
        submitterName: options.displayName,
        state: 'draft',
        revisions: {
          create: {
            revision: 1,
            title: options.title,
            text: options.text,
            rationale: options.rationale,
            authorId: actor.id,
          },
        },
        sponsors: { create: { memberId: actor.id, displayName: options.displayName, role: 'submitter' } },
        relations: { create: related.map((relatedId) => ({ relatedId })) },
      },
    });
    await recordTransition(tx, {
      motionId: id,
      action: 'create',
      fromState: 'draft',
      toState: 'draft',
      actorId: actor.id,
      actorRole:
        actor.roles.includes('member') && origin.kind !== 'executive-board' ? 'member' : 'executive-board',
    });
    return id;
  });
}
