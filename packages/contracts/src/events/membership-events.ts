import { z } from 'zod';
import { BodyKind, Gender, MemberKind, MemberStatus } from '../enums.js';
import { defineMessage } from '../message-definition.js';

const MemberId = z.uuid();

export const memberAdmitted = defineMessage({
  type: 'membership.member.admitted',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'A person or institution became a member of the council (Genel Kurul).',
  schema: z.object({
    memberId: MemberId,
    kind: MemberKind,
    /** The name the member chose to show; never a national ID or contact detail. */
    displayName: z.string().min(1).max(200),
    /** For an institution, the gender of its full (asil) representative, who casts its vote. */
    gender: Gender,
    bodies: z.array(z.object({ bodyId: z.uuid(), kind: BodyKind })).default([]),
    admittedAt: z.iso.datetime({ offset: true }),
  }),
});

export const memberStatusChanged = defineMessage({
  type: 'membership.member.status-changed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'A member was suspended, reinstated or terminated.',
  schema: z.object({
    memberId: MemberId,
    status: MemberStatus,
    reason: z.string().max(500).optional(),
    effectiveAt: z.iso.datetime({ offset: true }),
  }),
});
