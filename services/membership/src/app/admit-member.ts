import { randomUUID } from 'node:crypto';
import type { Gender, MemberKind } from '@konsey/contracts';
import { publishEvent } from '@konsey/service-kit';
import { insertMember, recordAudit } from '../data/member-repository.js';
import type { MembershipPrisma } from '../membership-prisma.js';
import type { MemberView } from '../http/member-schemas.js';

export interface AdmitMemberOptions {
  prisma: MembershipPrisma;
  actor: string;
  member: { kind: MemberKind; displayName: string; gender: Gender };
}

/** Admit a member directly (e.g. importing the existing roll); the event leaves with the same commit. */
export async function admitMember(options: AdmitMemberOptions): Promise<MemberView> {
  return options.prisma.$transaction(async (tx) => {
    const member = await insertMember(tx, { id: randomUUID(), ...options.member, admittedAt: new Date() });
    await recordAudit(tx, { actor: options.actor, action: 'member.admitted', subjectId: member.id, details: options.member });
    await publishEvent(tx, {
      type: 'membership.member.admitted',
      data: {
        memberId: member.id,
        kind: member.kind,
        displayName: member.displayName,
        gender: member.gender,
        bodies: [],
        admittedAt: member.admittedAt,
      },
    });
    return member;
  });
}
