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
