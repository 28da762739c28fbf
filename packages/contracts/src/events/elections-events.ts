import { z } from 'zod';
import { Office, Seat } from '../enums.js';
import { defineMessage } from '../message-definition.js';
import { CalendarDate, TermNumber, Timestamp, Uuid } from './shared-schemas.js';

export const resultCertified = defineMessage({
  type: 'elections.result.certified',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['membership'],
  summary: 'The election committee certified the result of an election: who takes which seat for which term.',
  schema: z.object({
    electionId: Uuid,
    office: Office,
    bodyId: Uuid,
    periodStart: z.number().int().min(1990).max(2200),
    term: TermNumber,
    termStart: CalendarDate,
    termEnd: CalendarDate,
    certifiedAt: Timestamp,
    elected: z.array(z.object({ memberId: Uuid, seat: Seat, rank: z.number().int().min(1) })).min(1),
  }),
});
