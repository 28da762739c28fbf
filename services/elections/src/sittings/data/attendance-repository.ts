import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export function findCurrentStay(db: Db, sittingId: string, memberId: string) {
  return db.sittingAttendance.findFirst({ where: { sittingId, memberId, checkedOutAt: null } });
}

export async function insertCheckIn(
  db: Db,
  stay: {
    sittingId: string;
    memberId: string;
    representativeName: string | null;
    method: 'member-id' | 'qr';
    at: Date;
    by: string;
  },
) {
  return db.sittingAttendance.create({
    data: {
      attendanceId: randomUUID(),
      sittingId: stay.sittingId,
      memberId: stay.memberId,
      representativeName: stay.representativeName,
      checkInMethod: stay.method,
      checkedInAt: stay.at,
      checkedInBy: stay.by,
    },
  });
}

export function recordCheckOut(db: Db, attendanceId: string, at: Date, by: string) {
  return db.sittingAttendance.update({
    where: { attendanceId },
    data: { checkedOutAt: at, checkedOutBy: by },
  });
}

/** Check out everyone still in the room (when the sitting closes). */
export async function checkOutEveryone(db: Db, sittingId: string, at: Date, by: string): Promise<number> {
  const { count } = await db.sittingAttendance.updateMany({
    where: { sittingId, checkedOutAt: null },
    data: { checkedOutAt: at, checkedOutBy: by },
  });
  return count;
}

/** Ids of the members in the room now. */
export async function presentMemberIds(db: Db, sittingId: string): Promise<string[]> {
  const rows = await db.sittingAttendance.findMany({
    where: { sittingId, checkedOutAt: null },
    select: { memberId: true },
    distinct: ['memberId'],
  });
  return rows.map((row) => row.memberId);
}

export function listAttendance(db: Db, sittingId: string) {
  return db.sittingAttendance.findMany({
    where: { sittingId },
    orderBy: [{ checkedInAt: 'asc' }, { attendanceId: 'asc' }],
  });
}
