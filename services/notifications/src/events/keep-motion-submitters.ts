import type { MessageData, MessageType, MotionSubmitters, ParsedMessage } from '@konsey/contracts';
import { findMotionSubmitters, keepMotionSubmitters } from '../data/motion-submitter-repository.js';
import type { NotificationsTx } from '../notifications-prisma.js';

/** Motion events that do not say who the motion comes from: they reach whom its earlier events named. */
const NAMES_NOBODY = new Set<MessageType>(['motions.motion.withdrawn']);

/**
 * Keep `submittedBy` from every motion event that carries it (the newest wins), in the inbox
 * transaction of that event. Idempotent: a redelivered event writes the same row.
 */
export async function keepSubmittersOf(tx: NotificationsTx, message: ParsedMessage): Promise<void> {
  const data = message.data as { motionId?: unknown; submittedBy?: MotionSubmitters };
  if (!message.envelope.type.startsWith('motions.motion.')) return;
  if (typeof data.motionId !== 'string' || !data.submittedBy) return;
  await keepMotionSubmitters(tx, {
    motionId: data.motionId,
    submittedBy: data.submittedBy,
    asOf: new Date(message.envelope.occurredAt),
  });
}

/**
 * The event's data as the recipients table needs it: for an event that names nobody (a withdrawal),
 * with the `submittedBy` its motion's earlier events carried. A motion no event named anyone for (a
 * draft withdrawn before it was submitted) stays without, and nobody is told.
 */
export async function withKeptSubmitters<T extends MessageType>(
  tx: NotificationsTx,
  type: T,
  data: MessageData<T>,
): Promise<MessageData<T>> {
  if (!NAMES_NOBODY.has(type)) return data;
  const submittedBy = await findMotionSubmitters(tx, (data as { motionId: string }).motionId);
  return submittedBy ? { ...data, submittedBy } : data;
}
