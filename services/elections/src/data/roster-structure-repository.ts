import type { Prisma } from '../generated/prisma/client.js';

type Db = Prisma.TransactionClient;
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

export async function rosterMemberExists(db: Db, memberId: string): Promise<boolean> {
  return (await db.rosterMember.count({ where: { memberId } })) === 1;
}

export async function updateRosterMember(
  db: Db,
  memberId: string,
  changes: {
    displayName?: string;
    gender?: 'female' | 'male' | 'other' | 'undisclosed';
    representativeName?: string;
    representativeSince?: string;
  },
): Promise<boolean> {
  const { representativeSince, ...rest } = changes;
  const { count } = await db.rosterMember.updateMany({
    where: { memberId },
    data: { ...rest, ...(representativeSince ? { representativeSince: day(representativeSince) } : {}) },
  });
  return count === 1;
}

export async function upsertRosterBody(
  db: Db,
  body: { bodyId: string; kind: string; name: string; createdAt: string },
): Promise<void> {
  await db.rosterBody.upsert({
    where: { bodyId: body.bodyId },
    create: { ...body, createdAt: new Date(body.createdAt) },
    update: { kind: body.kind, name: body.name },
  });
}

export async function recordBodyJoin(
  db: Db,
  membership: { bodyId: string; memberId: string; on: string },
): Promise<void> {
  await db.rosterBodyMembership.upsert({
    where: {
      bodyId_memberId_joinedOn: {
        bodyId: membership.bodyId,
        memberId: membership.memberId,
        joinedOn: day(membership.on),
      },
    },
    create: { bodyId: membership.bodyId, memberId: membership.memberId, joinedOn: day(membership.on) },
    update: {},
  });
}

export async function recordBodyLeave(
  db: Db,
  membership: { bodyId: string; memberId: string; on: string },
): Promise<number> {
  const { count } = await db.rosterBodyMembership.updateMany({
    where: { bodyId: membership.bodyId, memberId: membership.memberId, leftOn: null },
    data: { leftOn: day(membership.on) },
  });
  return count;
}

export async function upsertRosterOffice(
  db: Db,
  office: {
    officeRecordId: string;
    memberId: string;
    bodyId: string;
    office: string;
    seat: 'full' | 'substitute';
    periodStart: number;
    term: number;
    from: string;
    to?: string | undefined;
  },
): Promise<void> {
  const { from, to, ...rest } = office;
  const data = { ...rest, fromDate: day(from), toDate: to ? day(to) : null };
  await db.rosterOffice.upsert({
    where: { officeRecordId: office.officeRecordId },
    create: data,
    update: data,
  });
}

export async function endRosterOffice(
  db: Db,
  officeRecordId: string,
  endedOn: string,
  reason: string,
): Promise<boolean> {
  const { count } = await db.rosterOffice.updateMany({
    where: { officeRecordId },
    data: { endedOn: day(endedOn), endReason: reason },
  });
  return count === 1;
}
