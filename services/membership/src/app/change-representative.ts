import type { Gender, Seat } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { lockMember, recordAudit } from '../data/member-repository.js';
import { insertRepresentative } from '../data/representative-repository.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import {
  representativeChangeTiming,
  type RepresentativeChangeTiming,
} from '../domain/representative-notice.js';
import type { MembershipPrisma } from '../membership-prisma.js';

export interface ChangeRepresentativeOptions {
  prisma: MembershipPrisma;
  actor: string;
  memberId: string;
  seat: Seat;
  representative: {
    displayName: string;
    gender: Gender;
    email?: string | undefined;
    phone?: string | undefined;
  };
  noticeDays: number;
  now?: Date;
}

/**
 * An institution names a new full or substitute representative (with its signed appointment letter).
 * The notice rule decides from which day the new one acts; the previous one acts until then.
 */
export async function changeRepresentative(
  options: ChangeRepresentativeOptions,
): Promise<RepresentativeChangeTiming> {
  return options.prisma.$transaction(async (tx) => {
    const member = await lockMember(tx, options.memberId);
    if (!member) throw new AppError('not-found', { detail: `member ${options.memberId}` });
    if (member.kind !== 'institutional') throw new AppError('not-institutional');
    if (member.status === 'terminated') throw new AppError('member-terminated');
    const notifiedOn = toCalendarDate(options.now ?? new Date());
    const meetings = await tx.generalAssemblyMeeting.findMany({
      where: { heldOn: { gte: fromCalendarDate(notifiedOn) } },
    });
    const timing = representativeChangeTiming({
      notifiedOn,
      generalAssemblies: meetings.map((meeting) => toCalendarDate(meeting.heldOn)),
      noticeDays: options.noticeDays,
    });
    // The representative in force (or already waiting) for this seat hands over on the effective day.
    await tx.representative.updateMany({
      where: { memberId: options.memberId, seat: options.seat, endedOn: null },
      data: { endedOn: fromCalendarDate(timing.effectiveFrom) },
    });
    await insertRepresentative(tx, {
      memberId: options.memberId,
      seat: options.seat,
      ...options.representative,
      notifiedOn: fromCalendarDate(notifiedOn),
      effectiveFrom: fromCalendarDate(timing.effectiveFrom),
    });
    if (options.seat === 'full' && options.representative.gender !== member.gender) {
      await tx.member.update({ where: { id: member.id }, data: { gender: options.representative.gender } });
    }
    await recordAudit(tx, {
      actor: options.actor,
      action: 'representative.changed',
      subjectId: member.id,
      details: {
        seat: options.seat,
        effectiveFrom: timing.effectiveFrom,
        deferredPast: timing.deferredPast ?? null,
      },
    });
    await publishEvent(tx, {
      type: 'membership.representative.changed',
      data: {
        memberId: member.id,
        seat: options.seat,
        displayName: options.representative.displayName,
        gender: options.representative.gender,
        effectiveFrom: timing.effectiveFrom,
      },
    });
    return timing;
  });
}
