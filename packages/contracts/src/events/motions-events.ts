import { z } from 'zod';
import { MotionTopic, MunicipalOutcome } from '../enums.js';
import { defineMessage } from '../message-definition.js';
import { CalendarDate, Timestamp, Uuid } from './shared-schemas.js';

const MotionRef = { motionId: Uuid, title: z.string().min(1).max(300), topic: MotionTopic };

export const motionAdopted = defineMessage({
  type: 'motions.motion.adopted',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'The General Assembly adopted a motion.',
  schema: z.object({ ...MotionRef, adoptedAt: Timestamp }),
});

export const motionSent = defineMessage({
  type: 'motions.motion.sent',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'An adopted motion was sent to the municipality with an official letter.',
  schema: z.object({ ...MotionRef, letterNumber: z.string().min(1).max(50), sentOn: CalendarDate }),
});

export const motionDecided = defineMessage({
  type: 'motions.motion.decided',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: ['notifications'],
  summary: 'The municipal council decided on a motion.',
  schema: z.object({
    ...MotionRef,
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
  summary: 'A sent motion was not on the agenda of the first municipal council meeting after receipt.',
  schema: z.object({ ...MotionRef, sentOn: CalendarDate, firstMeetingOn: CalendarDate }),
});

export const motionSubmitted = defineMessage({
  type: 'motions.motion.submitted',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: [],
  summary: 'A motion was submitted to the Executive Board for review (again, after a return).',
  schema: z.object({ ...MotionRef, revision: z.number().int().min(1), submittedAt: Timestamp }),
});

export const motionReturned = defineMessage({
  type: 'motions.motion.returned',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: [],
  summary: 'The Executive Board returned a motion to its submitter for changes, with the reasons.',
  schema: z.object({
    ...MotionRef,
    reasons: z.array(z.string().min(1).max(2000)).min(1),
    returnedAt: Timestamp,
  }),
});

export const motionScheduled = defineMessage({
  type: 'motions.motion.scheduled',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: [],
  summary: 'An accepted motion was put on a General Assembly agenda.',
  schema: z.object({
    ...MotionRef,
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
  consumers: [],
  summary:
    'A motion was rejected: by the Executive Board at review (with reasons) or by the General Assembly.',
  schema: z.object({
    ...MotionRef,
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
  consumers: [],
  summary: 'The Executive Board merged a motion into another one, which carries it on.',
  schema: z.object({ ...MotionRef, mergedIntoId: Uuid, mergedAt: Timestamp }),
});

export const motionWithdrawn = defineMessage({
  type: 'motions.motion.withdrawn',
  kind: 'event',
  version: 1,
  producer: 'motions',
  consumers: [],
  summary: 'A motion was withdrawn before the General Assembly voted on it.',
  schema: z.object({ ...MotionRef, withdrawnAt: Timestamp }),
});
