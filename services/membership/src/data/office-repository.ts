import { randomUUID } from 'node:crypto';
import type { OfficeRecordSource, Seat } from '@konsey/contracts';
import { fromCalendarDate } from '../domain/calendar-date.js';
import type { MembershipTx } from '../membership-prisma.js';

export interface NewOfficeRecord {
  memberId: string;
  bodyId: string;
  office: string;
  seat: Seat;
  periodStart: number;
  term: 1 | 2;
  from: string;
  to?: string | undefined;
  endedOn?: string | undefined;
  endReason?: string | undefined;
  source: OfficeRecordSource;
  electionId?: string | undefined;
}

export async function insertOfficeRecord(db: MembershipTx, record: NewOfficeRecord): Promise<string> {
  const id = randomUUID();
  await db.officeRecord.create({
    data: {
      id,
      memberId: record.memberId,
      bodyId: record.bodyId,
      office: record.office,
      seat: record.seat,
      periodStart: record.periodStart,
      term: record.term,
      fromDate: fromCalendarDate(record.from),
      toDate: record.to ? fromCalendarDate(record.to) : null,
      endedOn: record.endedOn ? fromCalendarDate(record.endedOn) : null,
      endReason: record.endReason ?? null,
      source: record.source,
      electionId: record.electionId ?? null,
    },
  });
  return id;
}

export async function officeRecordsOfElection(db: MembershipTx, electionId: string) {
  return db.officeRecord.findMany({ where: { electionId } });
}

export async function officeRecordsOfMember(db: MembershipTx, memberId: string) {
  return db.officeRecord.findMany({ where: { memberId }, orderBy: [{ fromDate: 'asc' }] });
}

export async function findOfficeRecord(db: MembershipTx, id: string) {
  return db.officeRecord.findUnique({ where: { id } });
}

export async function markOfficeEnded(db: MembershipTx, id: string, endedOn: string, reason: string) {
  return db.officeRecord.update({
    where: { id },
    data: { endedOn: fromCalendarDate(endedOn), endReason: reason },
  });
}

export async function existingIds(
  db: MembershipTx,
  table: 'members' | 'bodies',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows =
    table === 'members'
      ? await db.member.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })
      : await db.body.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
