import type { Gender, MemberKind, MemberStatus } from '@konsey/contracts';
import type { Prisma } from '../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export async function upsertRosterMember(
  db: Db,
  member: { memberId: string; kind: MemberKind; displayName: string; gender: Gender; admittedAt: Date },
): Promise<void> {
  await db.rosterMember.upsert({
    where: { memberId: member.memberId },
    create: { ...member, status: 'active' },
    update: { kind: member.kind, displayName: member.displayName, gender: member.gender },
  });
}

export async function setRosterStatus(db: Db, memberId: string, status: MemberStatus): Promise<boolean> {
  const { count } = await db.rosterMember.updateMany({ where: { memberId }, data: { status } });
  return count === 1;
}

export async function rosterSummary(
  db: Db,
): Promise<{ status: MemberStatus; gender: Gender; count: number }[]> {
  const groups = await db.rosterMember.groupBy({ by: ['status', 'gender'], _count: { _all: true } });
  return groups.map((group) => ({ status: group.status, gender: group.gender, count: group._count._all }));
}
