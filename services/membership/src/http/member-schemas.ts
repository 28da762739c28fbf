import { Gender, MemberKind, MemberStatus } from '@konsey/contracts';
import { z } from 'zod';

export const MemberIdParams = z.object({ memberId: z.uuid() });

export const AdmitMemberBody = z
  .object({
    kind: MemberKind,
    displayName: z.string().trim().min(2).max(200),
    gender: Gender,
  })
  .strict()
  .meta({ id: 'AdmitMemberRequest' });

export const ChangeMemberStatusBody = z
  .object({
    status: MemberStatus,
    reason: z.string().trim().min(3).max(500).optional(),
  })
  .strict()
  .refine((body) => body.status === 'active' || body.reason, {
    message: 'a reason is required when suspending or terminating',
    path: ['reason'],
  })
  .meta({ id: 'ChangeMemberStatusRequest' });

export const MemberView = z
  .object({
    id: z.uuid(),
    kind: MemberKind,
    displayName: z.string(),
    gender: Gender,
    status: MemberStatus,
    statusReason: z.string().nullable(),
    admittedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof MemberView>;
