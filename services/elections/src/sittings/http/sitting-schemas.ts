import { z } from 'zod';
import { QuorumFallbackSetting } from '../../domain/election-settings.js';

export const SittingParams = z.object({ sittingId: z.uuid() });
export const PollParams = z.object({ pollId: z.uuid() });

export const CreateSittingRequest = z
  .strictObject({
    bodyId: z.uuid(),
    title: z.string().trim().min(2).max(300),
    scheduledAt: z.iso.datetime({ offset: true }),
    meeting: z.enum(['first', 'second']).default('first'),
    /** Required for a second meeting: the first meeting that lacked a quorum. */
    firstSittingId: z.uuid().optional(),
    /** The council's rule for a second meeting. Default `second-meeting-without-quorum` (İzmir). */
    quorumFallback: QuorumFallbackSetting.default('second-meeting-without-quorum'),
    /** Only members checked in may vote. Default true. */
    presentOnlyVoting: z.boolean().default(true),
  })
  .superRefine((value, context) => {
    if (value.meeting === 'second' && !value.firstSittingId)
      context.addIssue({ code: 'custom', path: ['firstSittingId'], message: 'a second meeting names its first meeting' });
    if (value.meeting === 'first' && value.firstSittingId)
      context.addIssue({ code: 'custom', path: ['firstSittingId'], message: 'only a second meeting links to a first' });
  });

/** Staff at the door give the member id, or the text read from the QR code on the membership card. */
export const DoorRequest = z
  .strictObject({ memberId: z.uuid().optional(), qr: z.string().min(1).max(2000).optional() })
  .superRefine((value, context) => {
    if ((value.memberId === undefined) === (value.qr === undefined))
      context.addIssue({ code: 'custom', path: ['memberId'], message: 'give exactly one of memberId or qr' });
  })
  .transform((value) => (value.memberId !== undefined ? { memberId: value.memberId } : { qr: value.qr! }));

export const VoteRequest = z.strictObject({
  choice: z.enum(['yes', 'no', 'abstain']),
  /** Secret polls only: the code received with the vote being replaced. */
  changeCode: z.string().min(1).max(200).optional(),
});

const Reason = z.object({ tr: z.string(), en: z.string() });

export const QuorumView = z
  .object({
    reached: z.boolean(),
    required: z.number().int(),
    present: z.number().int(),
    members: z.number().int(),
    rule: z.enum(['absolute-majority', 'second-meeting-without-quorum', 'minimum-attendance']),
    next: z.literal('second-meeting').optional(),
    reason: Reason,
  })
  .meta({ id: 'Quorum' });

export const SittingView = z
  .object({
    sittingId: z.uuid(),
    bodyId: z.uuid(),
    title: z.string(),
    scheduledAt: z.string(),
    meeting: z.enum(['first', 'second']),
    firstSittingId: z.uuid().nullable(),
    status: z.enum(['scheduled', 'open', 'closed']),
    quorumFallback: QuorumFallbackSetting,
    presentOnlyVoting: z.boolean(),
    rollSize: z.number().int().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Sitting' });

export const AttendanceView = z
  .object({
    attendanceId: z.uuid(),
    memberId: z.uuid(),
    representativeName: z.string().nullable(),
    method: z.enum(['member-id', 'qr']),
    checkedInAt: z.string(),
    checkedOutAt: z.string().nullable(),
  })
  .meta({ id: 'Attendance' });

export const PollView = z
  .object({
    pollId: z.uuid(),
    subject: z.object({ kind: z.literal('motion'), id: z.uuid() }),
    title: z.string(),
    bodyId: z.uuid(),
    sittingId: z.uuid().nullable(),
    visibility: z.enum(['open', 'secret']),
    majority: z.enum(['present', 'cast']),
    choices: z.array(z.enum(['yes', 'no', 'abstain'])),
    status: z.enum(['pending', 'ready', 'voting', 'closed']),
    votesCast: z.number().int(),
    requestedAt: z.string(),
    votingOpenedAt: z.string().nullable(),
    result: z
      .object({
        yes: z.number().int(),
        no: z.number().int(),
        abstain: z.number().int(),
        present: z.number().int(),
        outcome: z.enum(['adopted', 'rejected']),
        decidedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'Poll' });

export const VoteReceipt = z
  .object({
    pollId: z.uuid(),
    choice: z.enum(['yes', 'no', 'abstain']).optional(),
    changed: z.boolean(),
    votedAt: z.string(),
    changeCode: z.string().optional(),
  })
  .meta({ id: 'VoteReceipt' });
