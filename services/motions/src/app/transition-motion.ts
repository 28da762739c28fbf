import { AppError } from '@konsey/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import { lockMotion, recordTransition, updateMotion, type MotionRow } from '../data/motion-repository.js';
import type { Actor } from '../domain/actor.js';
import {
  decideTransition,
  type MotionAction,
  type MotionState,
  type Workflow,
} from '../domain/motion-workflow.js';
import type { MotionsTx } from '../motions-prisma.js';

export interface TransitionOptions {
  workflow: Workflow;
  motionId: string;
  action: MotionAction;
  actor: Actor;
  reason?: string | undefined;
  details?: Prisma.InputJsonValue;
  /** Further checks on the locked motion once the workflow allows the action (ownership, preconditions). */
  guard?: (motion: MotionRow) => Promise<void> | void;
  /** Fields changed together with the state. */
  changes?: (motion: MotionRow) => Prisma.MotionUncheckedUpdateInput;
}

/**
 * Take one workflow action on a locked motion: refuse it (409 illegal, 403 wrong role) without changing
 * anything, or change the state and write the audit row in the caller's transaction.
 */
export async function transitionMotion(
  tx: MotionsTx,
  options: TransitionOptions,
): Promise<{ before: MotionRow; after: MotionRow }> {
  const before = await lockMotion(tx, options.motionId);
  if (!before) throw new AppError('not-found', { detail: `motion ${options.motionId}` });
  const decision = decideTransition(
    options.workflow,
    before.state as MotionState,
    options.action,
    options.actor.roles,
  );
  if (!decision.ok) {
    if (decision.reason === 'illegal-transition')
      throw new AppError('illegal-transition', {
        detail:
          `"${options.action}" is not possible while the motion is ${before.state}` +
          (decision.allowedFrom.length ? `; it is possible from: ${decision.allowedFrom.join(', ')}` : ''),
      });
    throw new AppError('wrong-role', {
      detail: `"${options.action}" needs one of the roles: ${decision.allowedRoles.join(', ')}`,
    });
  }
  await options.guard?.(before);
  const after = await updateMotion(tx, before.id, { ...options.changes?.(before), state: decision.to });
  await recordTransition(tx, {
    motionId: before.id,
    action: options.action,
    fromState: before.state,
    toState: decision.to,
    actorId: options.actor.id,
    actorRole: decision.actedAs,
    reason: options.reason,
    details: options.details,
  });
  return { before, after };
}

/** The reference every motion event starts with. */
export function motionRef(motion: MotionRow) {
  return { motionId: motion.id, title: motion.title.slice(0, 300), topic: motion.topic as never };
}
