import { randomUUID } from 'node:crypto';
import type { Motion, Prisma } from '../generated/prisma/client.js';
import type { MotionsPrisma, MotionsTx } from '../motions-prisma.js';

export type MotionRow = Motion;

/** Read a motion and hold it for the rest of the transaction, so concurrent actions queue behind each other. */
export async function lockMotion(tx: MotionsTx, motionId: string): Promise<MotionRow | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    'SELECT id FROM motions WHERE id = $1::uuid FOR UPDATE',
    motionId,
  );
  if (rows.length === 0) return null;
  return tx.motion.findUnique({ where: { id: motionId } });
}

export async function lockMotionByPoll(tx: MotionsTx, pollId: string): Promise<MotionRow | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    'SELECT id FROM motions WHERE poll_id = $1::uuid FOR UPDATE',
    pollId,
  );
  return rows[0] ? tx.motion.findUnique({ where: { id: rows[0].id } }) : null;
}

export async function updateMotion(
  tx: MotionsTx,
  motionId: string,
  data: Prisma.MotionUncheckedUpdateInput,
): Promise<MotionRow> {
  return tx.motion.update({ where: { id: motionId }, data: { ...data, updatedAt: new Date() } });
}

export interface TransitionRecord {
  motionId: string;
  action: string;
  fromState: string;
  toState: string;
  actorId: string;
  actorRole: string;
  reason?: string | null | undefined;
  details?: Prisma.InputJsonValue | undefined;
}

export async function recordTransition(tx: MotionsTx, record: TransitionRecord): Promise<void> {
  await tx.motionTransition.create({
    data: {
      id: randomUUID(),
      motionId: record.motionId,
      action: record.action,
      fromState: record.fromState,
      toState: record.toState,
      actorId: record.actorId,
      actorRole: record.actorRole,
      reason: record.reason ?? null,
      details: record.details ?? {},
    },
  });
}

export const motionDetailInclude = {
  sponsors: { orderBy: { addedAt: 'asc' } },
  revisions: { orderBy: { revision: 'asc' } },
  attachments: { orderBy: { createdAt: 'asc' } },
  relations: { select: { relatedId: true } },
  relatedFrom: { select: { motionId: true } },
  transitions: { orderBy: { at: 'asc' } },
  agenda: true,
  municipalMeeting: true,
} as const satisfies Prisma.MotionInclude;

export type MotionDetailRow = Prisma.MotionGetPayload<{ include: typeof motionDetailInclude }>;

export async function findMotionDetail(
  db: MotionsPrisma | MotionsTx,
  motionId: string,
): Promise<MotionDetailRow | null> {
  return db.motion.findUnique({ where: { id: motionId }, include: motionDetailInclude });
}
