import { randomUUID } from 'node:crypto';
import type { BodyKind } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { recordAudit } from '../data/member-repository.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import type { MembershipPrisma } from '../membership-prisma.js';

/** Bodies that exist once per council and are never created by hand twice. */
const STANDING: readonly BodyKind[] = ['general-assembly', 'executive-board'];

export interface BodyView {
  id: string;
  kind: BodyKind;
  name: string;
  createdAt: string;
  archivedAt: string | null;
}

const view = (row: {
  id: string;
  kind: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
}): BodyView => ({
  id: row.id,
  kind: row.kind as BodyKind,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  archivedAt: row.archivedAt?.toISOString() ?? null,
});

export async function createBody(
  prisma: MembershipPrisma,
  options: { actor: string; kind: BodyKind; name: string },
): Promise<BodyView> {
  return prisma.$transaction(async (tx) => {
    if (STANDING.includes(options.kind) && (await tx.body.count({ where: { kind: options.kind } })) > 0) {
      throw new AppError('body-exists', { detail: `the council already has its ${options.kind}` });
    }
    if (await tx.body.findFirst({ where: { kind: options.kind, name: options.name } })) {
      throw new AppError('body-exists', {
        detail: `a ${options.kind} named "${options.name}" exists`,
        errors: [{ field: 'body.name', code: 'duplicate', message: 'name in use' }],
      });
    }
    const body = await tx.body.create({ data: { id: randomUUID(), kind: options.kind, name: options.name } });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'body.created',
      subjectId: body.id,
      details: { kind: body.kind, name: body.name },
    });
    await publishEvent(tx, {
      type: 'membership.body.created',
      data: { bodyId: body.id, kind: options.kind, name: body.name, createdAt: body.createdAt.toISOString() },
    });
    return view(body);
  });
}

export async function listBodies(prisma: MembershipPrisma, kind?: BodyKind): Promise<BodyView[]> {
  const rows = await prisma.body.findMany({
    where: kind ? { kind } : {},
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  return rows.map(view);
}

/** A member leaves a body; the membership row keeps the dates. */
export async function leaveBody(
  prisma: MembershipPrisma,
  options: { actor: string; bodyId: string; memberId: string; on: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await tx.bodyMembership.findFirst({
      where: { bodyId: options.bodyId, memberId: options.memberId, leftOn: null },
    });
    if (!current) throw new AppError('not-found', { detail: 'the member is not in this body' });
    const on = toCalendarDate(options.on);
    await tx.bodyMembership.update({
      where: { id: current.id },
      data: { leftOn: new Date(`${on}T00:00:00.000Z`) },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'body.left',
      subjectId: options.memberId,
      details: { bodyId: options.bodyId },
    });
    await publishEvent(tx, {
      type: 'membership.body-membership.changed',
      data: { bodyId: options.bodyId, memberId: options.memberId, change: 'left', on },
    });
  });
}

export async function bodyMembers(prisma: MembershipPrisma, bodyId: string) {
  if (!(await prisma.body.findUnique({ where: { id: bodyId } })))
    throw new AppError('not-found', { detail: `body ${bodyId}` });
  const rows = await prisma.bodyMembership.findMany({
    where: { bodyId, leftOn: null },
    include: { member: { select: { id: true, displayName: true, gender: true, status: true } } },
    orderBy: { joinedOn: 'asc' },
  });
  return rows.map((row) => ({ ...row.member, joinedOn: toCalendarDate(row.joinedOn) }));
}
