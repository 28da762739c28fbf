import type { Gender, MemberKind, MemberStatus } from '@konsey/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { MembershipTx } from '../membership-prisma.js';
import type { MemberView } from '../http/member-schemas.js';

type Db = MembershipTx;

type MemberRow = {
  id: string;
  kind: MemberKind;
  displayName: string;
  gender: Gender;
  status: MemberStatus;
  statusReason: string | null;
  admittedAt: Date;
};

function toView(row: MemberRow): MemberView {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    gender: row.gender,
    status: row.status,
    statusReason: row.statusReason,
    admittedAt: row.admittedAt.toISOString(),
  };
}

export async function insertMember(
  db: Db,
  member: Omit<MemberRow, 'status' | 'statusReason'>,
): Promise<MemberView> {
  return toView(await db.member.create({ data: member }));
}

export async function findMember(db: Db, id: string): Promise<MemberView | undefined> {
  const row = await db.member.findUnique({ where: { id } });
  return row ? toView(row) : undefined;
}

/** Lock the member row for the rest of the transaction, so concurrent status changes serialise. */
export async function lockMember(db: Db, id: string): Promise<MemberView | undefined> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM members WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length ? findMember(db, id) : undefined;
}

export async function updateMemberStatus(
  db: Db,
  id: string,
  status: MemberStatus,
  reason: string | null,
): Promise<MemberView> {
  return toView(await db.member.update({ where: { id }, data: { status, statusReason: reason } }));
}

export async function recordAudit(
  db: Db,
  entry: { actor: string; action: string; subjectId: string; details: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditEntry.create({ data: entry });
}
