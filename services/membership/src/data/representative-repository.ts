import { randomUUID } from 'node:crypto';
import type { Gender, Seat } from '@konsey/contracts';
import type { MembershipTx } from '../membership-prisma.js';

export interface RepresentativeRow {
  id: string;
  memberId: string;
  seat: Seat;
  displayName: string;
  gender: Gender;
  email: string | null;
  phone: string | null;
  notifiedOn: Date;
  effectiveFrom: Date;
  endedOn: Date | null;
}

export async function insertRepresentative(
  db: MembershipTx,
  representative: Omit<RepresentativeRow, 'id' | 'endedOn' | 'email' | 'phone'> & {
    email?: string | undefined;
    phone?: string | undefined;
  },
): Promise<RepresentativeRow> {
  return db.representative.create({
    data: {
      id: randomUUID(),
      ...representative,
      email: representative.email ?? null,
      phone: representative.phone ?? null,
    },
  });
}

/** Representatives in force on a day, and those notified to take over later. */
export async function representativesOf(db: MembershipTx, memberId: string): Promise<RepresentativeRow[]> {
  return db.representative.findMany({
    where: { memberId, endedOn: null },
    orderBy: [{ seat: 'asc' }, { effectiveFrom: 'asc' }],
  });
}
