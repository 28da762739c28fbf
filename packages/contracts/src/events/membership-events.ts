import { z } from 'zod';
import {
  ApplicationOutcome,
  BodyKind,
  Gender,
  MemberKind,
  MemberStatus,
  Office,
  OfficeEndReason,
  Seat,
} from '../enums.js';
import { defineMessage } from '../message-definition.js';
import { CalendarDate, DisplayName, TermNumber, Timestamp, Uuid } from './shared-schemas.js';

export const applicationSubmitted = defineMessage({
  type: 'membership.application.submitted',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['notifications'],
  summary:
    'An individual or institutional membership application was submitted (or resubmitted after completion).',
  schema: z.object({ applicationId: Uuid, kind: MemberKind, submittedAt: Timestamp }),
});

export const applicationDecided = defineMessage({
  type: 'membership.application.decided',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['notifications'],
  summary: 'The Executive Board or the evaluation committee decided on an application.',
  schema: z.object({
    applicationId: Uuid,
    kind: MemberKind,
    outcome: ApplicationOutcome,
    decisionNumber: z.string().max(50),
    decidedOn: CalendarDate,
    /** Set when the outcome is approved. */
    memberId: Uuid.optional(),
  }),
});

export const memberAdmitted = defineMessage({
  type: 'membership.member.admitted',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections', 'notifications'],
  summary: 'A person or institution became a member of the council (Genel Kurul).',
  schema: z.object({
    memberId: Uuid,
    kind: MemberKind,
    /** The name the member chose to show; never a national ID or contact detail. */
    displayName: DisplayName,
    /** For an institution, the gender of its full (asil) representative, who casts its vote. */
    gender: Gender,
    bodies: z.array(z.object({ bodyId: Uuid, kind: BodyKind })).default([]),
    admittedAt: Timestamp,
  }),
});

export const memberUpdated = defineMessage({
  type: 'membership.member.updated',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'A member changed the name they show or their declared gender.',
  schema: z.object({ memberId: Uuid, displayName: DisplayName, gender: Gender, updatedAt: Timestamp }),
});

export const memberStatusChanged = defineMessage({
  type: 'membership.member.status-changed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections', 'notifications'],
  summary: 'A member was suspended, reinstated or terminated.',
  schema: z.object({
    memberId: Uuid,
    status: MemberStatus,
    reason: z.string().max(500).optional(),
    effectiveAt: Timestamp,
  }),
});

export const representativeChanged = defineMessage({
  type: 'membership.representative.changed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'An institution named a new full (asil) or substitute (yedek) representative.',
  schema: z.object({
    memberId: Uuid,
    seat: Seat,
    displayName: DisplayName,
    gender: Gender,
    /** The change counts from this day: notified at least N days before a General Assembly. */
    effectiveFrom: CalendarDate,
  }),
});

export const bodyCreated = defineMessage({
  type: 'membership.body.created',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections', 'notifications'],
  summary: 'Staff created a body: an assembly, a working group, a committee.',
  schema: z.object({ bodyId: Uuid, kind: BodyKind, name: z.string().min(1).max(200), createdAt: Timestamp }),
});

export const bodyMembershipChanged = defineMessage({
  type: 'membership.body-membership.changed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections', 'notifications'],
  summary: 'A member joined or left a body.',
  schema: z.object({ bodyId: Uuid, memberId: Uuid, change: z.enum(['joined', 'left']), on: CalendarDate }),
});

const OfficeTerm = z.object({
  /** First year of the five-year local period, e.g. 2024 for 2024–2029. */
  periodStart: z.number().int().min(1990).max(2200),
  term: TermNumber,
});

export const officeAssumed = defineMessage({
  type: 'membership.office.assumed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'A member took up an office in a body for a term (recorded from a certified result or imported).',
  schema: z.object({
    officeRecordId: Uuid,
    memberId: Uuid,
    office: Office,
    bodyId: Uuid,
    seat: Seat,
    ...OfficeTerm.shape,
    from: CalendarDate,
    to: CalendarDate.optional(),
  }),
});

export const officeEnded = defineMessage({
  type: 'membership.office.ended',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['elections'],
  summary: 'An office held came to an end.',
  schema: z.object({ officeRecordId: Uuid, memberId: Uuid, endedOn: CalendarDate, reason: OfficeEndReason }),
});
