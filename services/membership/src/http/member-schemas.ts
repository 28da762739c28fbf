import { Gender, MemberKind, MemberStatus, Seat } from '@konsey/contracts';
import { z } from 'zod';

export const MemberIdParams = z.object({ memberId: z.uuid() });

const RepresentativeInput = z
  .object({
    seat: Seat,
    displayName: z.string().trim().min(2).max(200),
    gender: Gender,
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .regex(/^\+?[\d\s()-]{7,20}$/, 'a phone number such as +90 232 000 00 00')
      .optional(),
  })
  .strict();

/** Direct admission (importing the existing roll); applications are the usual way in. */
export const AdmitMemberBody = z
  .object({
    kind: MemberKind,
    displayName: z.string().trim().min(2).max(200),
    /** An individual's gender; an institution's follows its full representative. */
    gender: Gender.optional(),
    representatives: z.array(RepresentativeInput).max(2).optional(),
    bodyIds: z.array(z.uuid()).max(50).optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.kind === 'individual' && !body.gender)
      context.addIssue({ code: 'custom', path: ['gender'], message: 'required for an individual' });
    if (body.kind === 'individual' && body.representatives?.length) {
      context.addIssue({
        code: 'custom',
        path: ['representatives'],
        message: 'only institutions have representatives',
      });
    }
    if (body.kind === 'institutional') {
      const seats = (body.representatives ?? []).map((representative) => representative.seat);
      if (
        seats.filter((seat) => seat === 'full').length !== 1 ||
        seats.filter((seat) => seat === 'substitute').length > 1
      ) {
        context.addIssue({
          code: 'custom',
          path: ['representatives'],
          message: 'one full (asil) and at most one substitute (yedek)',
        });
      }
    }
  })
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

export const ListMembersQuery = z.object({
  status: MemberStatus.optional(),
  kind: MemberKind.optional(),
  gender: Gender.optional(),
  bodyId: z.uuid().optional(),
  q: z.string().trim().min(2).max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const MemberPage = z
  .object({
    items: z.array(MemberView.omit({ statusReason: true })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'MemberPage' });

export const UpdateMemberBody = z
  .object({ displayName: z.string().trim().min(2).max(200).optional(), gender: Gender.optional() })
  .strict()
  .refine((body) => body.displayName || body.gender, {
    message: 'change at least one field',
    path: ['displayName'],
  })
  .meta({ id: 'UpdateMemberRequest' });

export const RepresentativeParams = z.object({ memberId: z.uuid(), seat: Seat });

export const RepresentativeBody = z
  .object({
    displayName: z.string().trim().min(2).max(200),
    gender: Gender,
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .regex(/^\+?[\d\s()-]{7,20}$/, 'a phone number such as +90 232 000 00 00')
      .optional(),
  })
  .strict()
  .meta({ id: 'RepresentativeRequest' });

export const ErasureBody = z.object({ reason: z.string().trim().min(3).max(300) }).strict();
