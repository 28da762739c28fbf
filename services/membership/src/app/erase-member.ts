import { AppError, publishEvent } from '@konsey/service-kit';
import { lockMember, recordAudit } from '../data/member-repository.js';
import { publishContact } from './publish-contact.js';
import type { MembershipPrisma } from '../membership-prisma.js';

/** The name an erased member is shown under: stable, and saying nothing about the person. */
export function pseudonymFor(memberId: string): string {
  return `Silinmiş üye / Erased member ${memberId.slice(0, 8)}`;
}

/**
 * Erase a member on request (KVKK md. 7): the name and the representatives' contact details are
 * replaced or removed, applications lose their form and contact details, the account is closed and its
 * sessions revoked, and the membership ends; what election records and the law need stays under the
 * pseudonym (offices held, body dates, decisions, the audit trail, which holds no personal data).
 */
export async function eraseMember(options: {
  prisma: MembershipPrisma;
  actor: string;
  memberId: string;
  reason: string;
}) {
  return options.prisma.$transaction(async (tx) => {
    const member = await lockMember(tx, options.memberId);
    if (!member) throw new AppError('not-found', { detail: `member ${options.memberId}` });
    const erased = await tx.member.findUniqueOrThrow({
      where: { id: member.id },
      select: { erasedAt: true },
    });
    if (erased.erasedAt) return { memberId: member.id, erasedAt: erased.erasedAt.toISOString() };
    const now = new Date();
    const displayName = pseudonymFor(member.id);
    await tx.member.update({
      where: { id: member.id },
      data: {
        displayName,
        erasedAt: now,
        status: 'terminated',
        statusReason: 'erased on request / talep üzerine silindi',
      },
    });
    await tx.representative.updateMany({
      where: { memberId: member.id },
      data: { displayName: 'Silinmiş temsilci / Erased representative', email: null, phone: null },
    });
    // Applications keep their decisions and consent record; the person's details go.
    const applications = await tx.membershipApplication.findMany({
      where: { memberId: member.id },
      select: { id: true },
    });
    for (const application of applications) {
      await publishContact(tx, {
        subjectKind: 'applicant',
        subjectId: application.id,
        email: null,
        phone: null,
        language: 'tr',
      });
      await tx.membershipApplication.update({
        where: { id: application.id },
        data: {
          displayName,
          email: `erased-${application.id}@erased.invalid`,
          tcKimlikDigest: null,
          form: {},
        },
      });
    }
    const account = await tx.account.findUnique({ where: { memberId: member.id } });
    if (account) {
      await tx.account.update({
        where: { id: account.id },
        data: {
          email: `erased-${account.id}@erased.invalid`,
          displayName: null,
          passwordHash: null,
          disabledAt: now,
          updatedAt: now,
        },
      });
      await tx.authSession.updateMany({
        where: { accountId: account.id, revokedAt: null },
        data: { revokedAt: now, revokedReason: 'member erased' },
      });
    }
    await publishContact(tx, {
      subjectKind: 'member',
      subjectId: member.id,
      email: null,
      phone: null,
      language: 'tr',
    });
    if (account) {
      await publishContact(tx, {
        subjectKind: 'account',
        subjectId: account.id,
        memberId: member.id,
        email: null,
        language: 'tr',
      });
    }
    await recordAudit(tx, {
      actor: options.actor,
      action: 'member.erased',
      subjectId: member.id,
      details: { reason: options.reason },
    });
    await publishEvent(tx, {
      type: 'membership.member.updated',
      data: { memberId: member.id, displayName, gender: member.gender, updatedAt: now.toISOString() },
    });
    if (member.status !== 'terminated') {
      await publishEvent(tx, {
        type: 'membership.member.status-changed',
        data: {
          memberId: member.id,
          status: 'terminated',
          reason: 'erased on request',
          effectiveAt: now.toISOString(),
        },
      });
    }
    return { memberId: member.id, erasedAt: now.toISOString() };
  });
}
