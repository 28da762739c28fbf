import { randomUUID } from 'node:crypto';
import type { BodyKind } from '@konsey/contracts';
import type { MembershipTx } from '../membership-prisma.js';

export interface BodyRow {
  id: string;
  kind: BodyKind;
  name: string;
  archivedAt: Date | null;
}

export async function findBodies(db: MembershipTx, ids: readonly string[]): Promise<BodyRow[]> {
  return (await db.body.findMany({ where: { id: { in: [...ids] } } })) as BodyRow[];
}

export async function insertBodyMembership(
  db: MembershipTx,
  membership: { bodyId: string; memberId: string; joinedOn: Date },
): Promise<void> {
  await db.bodyMembership.create({ data: { id: randomUUID(), ...membership } });
}

export async function currentBodyMembership(db: MembershipTx, bodyId: string, memberId: string) {
  return db.bodyMembership.findFirst({ where: { bodyId, memberId, leftOn: null } });
}
