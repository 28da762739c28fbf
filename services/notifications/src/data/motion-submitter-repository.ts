import { MotionSubmitters } from '@konsey/contracts';
import type { NotificationsTx } from '../notifications-prisma.js';

/**
 * Keep who a motion comes from, as its newest event says (`asOf`: the event's time); an older event
 * arriving late changes nothing.
 */
export async function keepMotionSubmitters(
  tx: NotificationsTx,
  motion: { motionId: string; submittedBy: MotionSubmitters; asOf: Date },
): Promise<void> {
  const existing = await tx.audienceMotion.findUnique({ where: { motionId: motion.motionId } });
  if (existing && existing.asOf > motion.asOf) return;
  const values = { submittedBy: motion.submittedBy, asOf: motion.asOf };
  await tx.audienceMotion.upsert({
    where: { motionId: motion.motionId },
    create: { motionId: motion.motionId, ...values },
    update: values,
  });
}

/** Who a motion comes from, as last kept; undefined for a motion no event named them for (a draft). */
export async function findMotionSubmitters(
  tx: NotificationsTx,
  motionId: string,
): Promise<MotionSubmitters | undefined> {
  const row = await tx.audienceMotion.findUnique({ where: { motionId } });
  const parsed = MotionSubmitters.safeParse(row?.submittedBy);
  return parsed.success ? parsed.data : undefined;
}
