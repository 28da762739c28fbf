import { z } from 'zod';
import { MotionTopic, MunicipalOutcome } from '../enums.js';
import { defineMessage } from '../message-definition.js';
import { CalendarDate, Timestamp, Uuid } from './shared-schemas.js';

const MotionRef = { motionId: Uuid, title: z.string().min(1).max(300), topic: MotionTopic };

/**
 * Who the motion comes from, ids only (never names or contact details), for notifications to reach them:
 * the member who submitted it (an institutional member's id when its representative acted), the members
 * who co-sponsored it, and for a motion of an assembly or working group that body.
 */
export const MotionSubmitters = z.object({
  submitterId: Uuid,
  coSponsorIds: z.array(Uuid).max(500),
  bodyId: Uuid.optional(),
});
export type MotionSubmitters = z.infer<typeof MotionSubmitters>;

/** Added to version 1 as an optional field: messages published before it (still queued) lack it. */
const FromSubmitters = { submittedBy: MotionSubmitters.optional() };
const SUBMITTERS_NOTE =
  ' Carries `submittedBy` (ids of the submitter, co-sponsors and origin body; optional in v1).';

export const motionAdopted = defineMessage({
  type: 'motions.motion.adopted',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'The General Assembly adopted a motion.' + SUBMITTERS_NOTE,
  schema: z.object({ ...MotionRef, ...FromSubmitters, adoptedAt: Timestamp }),
});

export const motionSent = defineMessage({
  type: 'motions.motion.sent',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'An adopted motion was sent to the municipality with an official letter.' + SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    letterNumber: z.string().min(1).max(50),
    sentOn: CalendarDate,
  }),
});

export const motionDecided = defineMessage({
  type: 'motions.motion.decided',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'The municipal council decided on a motion.' + SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    outcome: MunicipalOutcome,
    decisionNumber: z.string().min(1).max(50),
    decidedOn: CalendarDate,
  }),
});

export const motionOverdue = defineMessage({
  type: 'motions.motion.overdue',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'A sent motion was not on the agenda of the first municipal council meeting after receipt.' +
    SUBMITTERS_NOTE,
  schema: z.object({ ...MotionRef, ...FromSubmitters, sentOn: CalendarDate, firstMeetingOn: CalendarDate }),
});

export const motionSubmitted = defineMessage({
  type: 'motions.motion.submitted',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'A motion was submitted to the Executive Board for review (again, after a return).' + SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    revision: z.number().int().min(1),
    submittedAt: Timestamp,
  }),
});

export const motionReturned = defineMessage({
  type: 'motions.motion.returned',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'The Executive Board returned a motion to its submitter for changes, with the reasons.' + SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    reasons: z.array(z.string().min(1).max(2000)).min(1),
    returnedAt: Timestamp,
  }),
});

export const motionScheduled = defineMessage({
  type: 'motions.motion.scheduled',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'An accepted motion was put on a General Assembly agenda.' + SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    agendaId: Uuid,
    meetingOn: CalendarDate,
    position: z.number().int().min(1),
  }),
});

export const motionRejected = defineMessage({
  type: 'motions.motion.rejected',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'A motion was rejected: by the Executive Board at review (with reasons) or by the General Assembly.' +
    SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    stage: z.enum(['review', 'general-assembly']),
    reasons: z.array(z.string().min(1).max(2000)),
    rejectedAt: Timestamp,
  }),
});

export const motionMerged = defineMessage({
  type: 'motions.motion.merged',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'The Executive Board merged a motion into another one, which carries it on (`mergedIntoTitle` optional in v1).' +
    SUBMITTERS_NOTE,
  schema: z.object({
    ...MotionRef,
    ...FromSubmitters,
    mergedIntoId: Uuid,
    /** The title of the motion that carries it on (optional in v1, like `submittedBy`). */
    mergedIntoTitle: z.string().min(1).max(300).optional(),
    mergedAt: Timestamp,
  }),
});

export const motionWithdrawn = defineMessage({
  type: 'motions.motion.withdrawn',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary:
    'A motion was withdrawn before the General Assembly voted on it.' +
    SUBMITTERS_NOTE +
    ' Absent when the motion was still a draft nobody else had seen.',
  schema: z.object({ ...MotionRef, ...FromSubmitters, withdrawnAt: Timestamp }),
});
