import type { Gender } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { lockMember, recordAudit } from '../data/member-repository.js';
import type { MemberView } from '../http/member-schemas.js';
import type { MembershipPrisma } from '../membership-prisma.js';

/** Change the name a member shows, or an individual's declared gender. */
export async function updateMember(options: {
  prisma: MembershipPrisma;
  actor: string;
  memberId: string;
  changes: { displayName?: string | undefined; gender?: Gender | undefined };
}): Promise<MemberView> {
  return options.prisma.$transaction(async (tx) => {
    const current = await lockMember(tx, options.memberId);
    if (!current) throw new AppError('not-found', { detail: `member ${options.memberId}` });
    if (current.status === 'terminated') throw new AppError('member-terminated');
    if (options.changes.gender && current.kind === 'institutional') {
      throw new AppError('validation-failed', {
        detail: "an institution's gender is its full representative's; change the representative instead",
        errors: [{ field: 'body.gender', code: 'not-allowed', message: 'follows the full representative' }],
      });
    }
    const row = await tx.member.update({
      where: { id: options.memberId },
      data: {
        ...(options.changes.displayName ? { displayName: options.changes.displayName } : {}),
        ...(options.changes.gender ? { gender: options.changes.gender } : {}),
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'member.updated',
      subjectId: row.id,
      details: { fields: Object.keys(options.changes) },
    });
    await publishEvent(tx, {
      type: 'membership.member.updated',
      data: {
        memberId: row.id,
        displayName: row.displayName,
        gender: row.gender,
        updatedAt: row.updatedAt.toISOString(),
      },
    });
    return { ...current, displayName: row.displayName, gender: row.gender };
  });
}
