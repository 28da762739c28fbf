import type { MotionSubmitters } from '@konsey/contracts';
import type { MotionRow } from '../data/motion-repository.js';
import type { MotionsTx } from '../motions-prisma.js';
import { motionRef } from './transition-motion.js';

/** Who a motion comes from, as its events carry it for notifications: ids only, co-sponsors in signing order. */
export async function submittersOf(tx: MotionsTx, motion: MotionRow): Promise<MotionSubmitters> {
  const coSponsors = await tx.motionSponsor.findMany({
    where: { motionId: motion.id, role: 'co-sponsor' },
    orderBy: [{ addedAt: 'asc' }, { memberId: 'asc' }],
    select: { memberId: true },
  });
  return {
    submitterId: motion.submitterId,
    coSponsorIds: coSponsors.map((row) => row.memberId),
    ...(motion.originBodyId ? { bodyId: motion.originBodyId } : {}),
  };
}

/** The start of every event that concerns the motion's submitters: the reference and who it comes from. */
export async function motionEventRef(tx: MotionsTx, motion: MotionRow) {
  return { ...motionRef(motion), submittedBy: await submittersOf(tx, motion) };
}
