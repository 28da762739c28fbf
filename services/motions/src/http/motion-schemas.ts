import { MotionTopic, MunicipalOutcome, PollMajority } from '@konsey/contracts';
import { z } from 'zod';

const DisplayName = z.string().trim().min(1).max(200);
const CalendarDate = z.iso.date();
const Reasons = z.array(z.string().trim().min(1).max(2000)).min(1).max(20);

export const MotionIdParams = z.object({ motionId: z.uuid() });
export const AgendaIdParams = z.object({ agendaId: z.uuid() });
export const MeetingIdParams = z.object({ meetingId: z.uuid() });

export const CreateMotionBody = z.object({
  title: z.string().trim().min(3).max(300),
  text: z.string().trim().min(1).max(20_000),
  rationale: z.string().trim().min(1).max(10_000),
  topic: MotionTopic,
  origin: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('members') }),
    z.object({ kind: z.literal('executive-board') }),
    z.object({
      kind: z.enum(['assembly', 'working-group']),
      bodyId: z.uuid(),
      name: z.string().trim().min(1).max(200),
    }),
  ]),
  displayName: DisplayName,
  relatedMotionIds: z.array(z.uuid()).max(20).optional(),
});

export const ReviseMotionBody = z
  .object({
    title: z.string().trim().min(3).max(300).optional(),
    text: z.string().trim().min(1).max(20_000).optional(),
    rationale: z.string().trim().min(1).max(10_000).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((body) => body.title ?? body.text ?? body.rationale, {
    message: 'change at least one of title, text, rationale',
  });

export const CoSponsorBody = z.object({ displayName: DisplayName });
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000).optional() });

export const ReviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start-review') }),
  z.object({ action: z.literal('accept'), note: z.string().trim().min(1).max(2000).optional() }),
  z.object({ action: z.literal('return'), reasons: Reasons }),
  z.object({ action: z.literal('reject'), reasons: Reasons }),
  z.object({
    action: z.literal('merge'),
    intoMotionId: z.uuid(),
    note: z.string().trim().min(1).max(2000).optional(),
  }),
]);

export const RelateBody = z.object({ motionId: z.uuid() });

export const CreateAgendaBody = z.object({
  bodyId: z.uuid(),
  meetingOn: CalendarDate,
  title: z.string().trim().min(3).max(300),
});
export const ScheduleBody = z.object({ motionId: z.uuid() });
export const OrderAgendaBody = z.object({ motionIds: z.array(z.uuid()).max(200) });

export const OpenPollBody = z.object({
  visibility: z.enum(['open', 'secret']).default('open'),
  majority: PollMajority.default('present'),
});

export const SendBody = z.object({
  letterNumber: z.string().trim().min(1).max(50),
  letterDate: CalendarDate,
  receivedOn: CalendarDate.optional(),
});

export const MeetingBody = z.object({ meetingOn: CalendarDate });
export const MunicipalAgendaBody = z.object({
  items: z.array(z.object({ motionId: z.uuid(), agendaItem: z.string().trim().min(1).max(50) })).max(200),
});
export const DecisionBody = z.object({
  outcome: MunicipalOutcome,
  decisionNumber: z.string().trim().min(1).max(50),
  decidedOn: CalendarDate,
  text: z.string().trim().min(1).max(20_000),
});

export const ListQuery = z.object({
  state: z.string().optional(),
  topic: MotionTopic.optional(),
});
export const ReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  topic: MotionTopic.optional(),
});
export const AttachmentQuery = z.object({ fileName: z.string().trim().min(1).max(200) });
