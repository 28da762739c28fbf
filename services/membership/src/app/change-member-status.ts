import type { MemberStatus } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { lockMember, recordAudit, updateMemberStatus } from '../data/member-repository.js';
import type { MemberView } from '../http/member-schemas.js';
import type { MembershipPrisma } from '../membership-prisma.js';

export interface ChangeMemberStatusOptions {
  prisma: MembershipPrisma;
  actor: string;
  memberId: string;
  status: MemberStatus;
  reason?: string | undefined;
}

/** Suspend, reinstate or terminate a member. A terminated membership is final. */
export async function changeMemberStatus(options: ChangeMemberStatusOptions): Promise<MemberView> {
  return options.prisma.$transaction(async (tx) => {
    const current = await lockMember(tx, options.memberId);
    if (!current) throw new AppError('not-found', { detail: `member ${options.memberId}` });
    if (current.status === 'terminated') {
      throw new AppError('member-terminated', { detail: 'a terminated membership cannot change status' });
    }
    if (current.status === options.status) return current;
    const member = await updateMemberStatus(tx, options.memberId, options.status, options.reason ?? null);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'member.status-changed',
      subjectId: member.id,
      details: { from: current.status, to: options.status, reason: options.reason ?? null },
    });
    await publishEvent(tx, {
      type: 'membership.member.status-changed',
      data: {
        memberId: member.id,
        status: member.status,
        ...(options.reason ? { reason: options.reason } : {}),
        effectiveAt: new Date().toISOString(),
      },
    });
    return member;
  });
}
