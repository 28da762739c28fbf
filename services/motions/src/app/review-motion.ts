import { AppError, publishEvent } from '@konsey/service-kit';
import type { Actor } from '../domain/actor.js';
import type { MotionContext } from './motion-context.js';
import { motionEventRef } from './motion-event-ref.js';
import { transitionMotion } from './transition-motion.js';

export type ReviewDecision =
  | { action: 'start-review' }
  | { action: 'accept'; note?: string | undefined }
  | { action: 'return'; reasons: string[] }
  | { action: 'reject'; reasons: string[] }
  | { action: 'merge'; intoMotionId: string; note?: string | undefined };

/** States a motion may be merged into: one still ahead of the General Assembly's vote. */
const MERGE_TARGETS = ['submitted', 'under-review', 'accepted', 'on-agenda'];

/** The Executive Board's review: start it, then accept to the agenda, return, reject or merge. */
export async function reviewMotion(
  context: MotionContext,
  options: { actor: Actor; motionId: string; decision: ReviewDecision },
): Promise<void> {
  const { decision } = options;
  const reasons = 'reasons' in decision ? decision.reasons : [];
  await context.prisma.$transaction(async (tx) => {
    let mergeTargetTitle: string | undefined;
    const { after } = await transitionMotion(tx, {
      workflow: context.workflow,
      motionId: options.motionId,
      action: decision.action,
      actor: options.actor,
      reason: reasons.length ? reasons.join('\n') : 'note' in decision ? decision.note : undefined,
      details:
        decision.action === 'merge'
          ? { intoMotionId: decision.intoMotionId }
          : reasons.length
            ? { reasons }
            : {},
      guard: async (motion) => {
        if (decision.action !== 'merge') return;
        const target = await tx.motion.findUnique({ where: { id: decision.intoMotionId } });
        if (!target || target.id === motion.id || !MERGE_TARGETS.includes(target.state))
          throw new AppError('unknown-motion', {
            detail: `intoMotionId must name another motion that is ${MERGE_TARGETS.join(', ')}`,
          });
        mergeTargetTitle = target.title;
      },
      changes: () => (decision.action === 'merge' ? { mergedIntoId: decision.intoMotionId } : {}),
    });
    const at = new Date().toISOString();
    const ref = await motionEventRef(tx, after);
    if (decision.action === 'merge') {
      await tx.motionRelation.upsert({
        where: { motionId_relatedId: { motionId: decision.intoMotionId, relatedId: after.id } },
        create: { motionId: decision.intoMotionId, relatedId: after.id },
        update: {},
      });
      await publishEvent(tx, {
        type: 'motions.motion.merged',
        data: {
          ...ref,
          mergedIntoId: decision.intoMotionId,
          mergedIntoTitle: mergeTargetTitle!.slice(0, 300),
          mergedAt: at,
        },
      });
    } else if (decision.action === 'return') {
      await publishEvent(tx, {
        type: 'motions.motion.returned',
        data: { ...ref, reasons, returnedAt: at },
      });
    } else if (decision.action === 'reject') {
      await publishEvent(tx, {
        type: 'motions.motion.rejected',
        data: { ...ref, stage: 'review', reasons, rejectedAt: at },
      });
    }
  });
}
