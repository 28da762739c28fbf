import { randomUUID } from 'node:crypto';
import { AppError } from '@konsey/service-kit';
import { recordAudit } from '../data/member-repository.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import type { MembershipPrisma } from '../membership-prisma.js';

/** Record the date of a General Assembly: the representative notice rule counts back from it. */
export async function scheduleGeneralAssembly(
  prisma: MembershipPrisma,
  options: { actor: string; heldOn: string; title: string },
) {
  return prisma.$transaction(async (tx) => {
    if (await tx.generalAssemblyMeeting.findUnique({ where: { heldOn: fromCalendarDate(options.heldOn) } })) {
      throw new AppError('conflict', {
        detail: `a General Assembly is already recorded on ${options.heldOn}`,
        errors: [{ field: 'body.heldOn', code: 'duplicate', message: 'date in use' }],
      });
    }
    const meeting = await tx.generalAssemblyMeeting.create({
      data: { id: randomUUID(), heldOn: fromCalendarDate(options.heldOn), title: options.title },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'general-assembly.scheduled',
      subjectId: meeting.id,
      details: { heldOn: options.heldOn },
    });
    return { id: meeting.id, heldOn: options.heldOn, title: meeting.title };
  });
}

export async function listGeneralAssemblies(prisma: MembershipPrisma) {
  const rows = await prisma.generalAssemblyMeeting.findMany({ orderBy: { heldOn: 'asc' } });
  return rows.map((row) => ({ id: row.id, heldOn: toCalendarDate(row.heldOn), title: row.title }));
}
