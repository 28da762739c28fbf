import type { ParsedMessage } from '@konsey/contracts';
import { publishEvent } from '@konsey/service-kit';
import { motionEventRef } from '../app/motion-event-ref.js';
import { transitionMotion } from '../app/transition-motion.js';
import { lockMotionByPoll } from '../data/motion-repository.js';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import type { Workflow } from '../domain/motion-workflow.js';
import type { MotionsTx } from '../motions-prisma.js';

/**
 * Elections decided the General Assembly's poll on a motion: the counts are recorded against the motion,
 * which becomes adopted or rejected. A result for a poll already recorded changes nothing.
 */
export function onPollDecided(workflow: Workflow) {
  return async (tx: MotionsTx, { data }: ParsedMessage<'elections.poll.decided'>): Promise<void> => {
    const motion = await lockMotionByPoll(tx, data.pollId);
    // Not ours (yet): throwing lets the bus retry, then keeps the message in the failed set for an operator.
    if (!motion || motion.id !== data.subject.id)
      throw new Error(`poll ${data.pollId} is not the open poll of motion ${data.subject.id}`);
    if (motion.pollOutcome) return;
    const adopted = data.outcome === 'adopted';
    const { after } = await transitionMotion(tx, {
      workflow,
      motionId: motion.id,
      action: adopted ? 'record-poll-adopted' : 'record-poll-rejected',
      actor: SYSTEM_ACTOR,
      details: {
        pollId: data.pollId,
        yes: data.yes,
        no: data.no,
        abstain: data.abstain,
        present: data.present,
      },
      changes: () => ({
        pollYes: data.yes,
        pollNo: data.no,
        pollAbstain: data.abstain,
        pollPresent: data.present,
        pollMajority: data.majority,
        pollOutcome: data.outcome,
        pollDecidedAt: new Date(data.decidedAt),
        ...(adopted ? { adoptedAt: new Date(data.decidedAt) } : {}),
      }),
    });
    if (adopted) {
      await publishEvent(tx, {
        type: 'motions.motion.adopted',
        data: { ...(await motionEventRef(tx, after)), adoptedAt: data.decidedAt },
      });
    } else {
      await publishEvent(tx, {
        type: 'motions.motion.rejected',
        data: {
          ...(await motionEventRef(tx, after)),
          stage: 'general-assembly',
          reasons: [],
          rejectedAt: data.decidedAt,
        },
      });
    }
  };
}
