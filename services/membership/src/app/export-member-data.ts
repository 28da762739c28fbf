import { AppError } from '@konsey/service-kit';
import { toCalendarDate } from '../domain/calendar-date.js';
import type { MembershipPrisma } from '../membership-prisma.js';

/**
 * Everything this service keeps about a member, for a KVKK access request (md. 11): the record, the
 * representatives, the bodies, the offices and the audit trail of changes to it.
 */
export async function exportMemberData(prisma: MembershipPrisma, memberId: string) {
  const member = await prisma.member.findUnique({
    where: { id: memberId },
    include: { representatives: true, bodies: { include: { body: true } }, offices: true },
  });
  if (!member) throw new AppError('not-found', { detail: `member ${memberId}` });
  const audit = await prisma.auditEntry.findMany({ where: { subjectId: memberId }, orderBy: { at: 'asc' } });
  const applications = await prisma.membershipApplication.findMany({
    where: { memberId },
    orderBy: { submittedAt: 'asc' },
  });
  const account = await prisma.account.findUnique({ where: { memberId }, include: { roles: true } });
  return {
    exportedAt: new Date().toISOString(),
    member: {
      id: member.id,
      kind: member.kind,
      displayName: member.displayName,
      gender: member.gender,
      status: member.status,
      statusReason: member.statusReason,
      admittedAt: member.admittedAt.toISOString(),
      erasedAt: member.erasedAt?.toISOString() ?? null,
    },
    representatives: member.representatives.map((r) => ({
      seat: r.seat,
      displayName: r.displayName,
      gender: r.gender,
      email: r.email,
      phone: r.phone,
      notifiedOn: toCalendarDate(r.notifiedOn),
      effectiveFrom: toCalendarDate(r.effectiveFrom),
      endedOn: r.endedOn ? toCalendarDate(r.endedOn) : null,
    })),
    bodies: member.bodies.map((b) => ({
      body: b.body.name,
      kind: b.body.kind,
      joinedOn: toCalendarDate(b.joinedOn),
      leftOn: b.leftOn ? toCalendarDate(b.leftOn) : null,
    })),
    offices: member.offices.map((o) => ({
      office: o.office,
      seat: o.seat,
      periodStart: o.periodStart,
      term: o.term,
      from: toCalendarDate(o.fromDate),
      to: o.toDate ? toCalendarDate(o.toDate) : null,
    })),
    audit: audit.map((entry) => ({ at: entry.at.toISOString(), action: entry.action, actor: entry.actor })),
    // The TC Kimlik No is not kept (only a keyed digest for duplicate checks), so it cannot be exported.
    applications: applications.map((a) => ({
      kind: a.kind,
      status: a.status,
      displayName: a.displayName,
      email: a.email,
      derbisNumber: a.derbisNumber,
      form: a.form,
      kvkkConsentVersion: a.kvkkConsentVersion,
      kvkkConsentedAt: a.kvkkConsentedAt?.toISOString() ?? null,
      submittedAt: a.submittedAt.toISOString(),
    })),
    account: account
      ? {
          email: account.email,
          language: account.language,
          roles: account.roles.map((role) => role.role),
          createdAt: account.createdAt.toISOString(),
        }
      : null,
  };
}
