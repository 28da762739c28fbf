import { z } from 'zod';
import { ElectionStatus } from '../../domain/election-lifecycle.js';
import { TRANSITION_ACTIONS } from '../app/transition-election.js';

const Day = z.iso.date();

export const ElectionParams = z.object({ electionId: z.uuid() });
export const CandidacyParams = z.object({ electionId: z.uuid(), memberId: z.uuid() });
export const ObjectionParams = z.object({ electionId: z.uuid(), objectionId: z.uuid() });
export const RoundParams = z.object({ electionId: z.uuid(), round: z.coerce.number().int().min(1) });

export const CreateElectionBody = z
  .strictObject({
    title: z.string().trim().min(3).max(300),
    office: z.enum(['president', 'executive-board', 'facilitator', 'co-spokesperson']),
    bodyId: z.uuid(),
    /** Checked by the domain's settings schema (method, seats, substituteSeats, maxChoices, parity…). */
    settings: z.record(z.string(), z.unknown()).default({}),
    term: z.strictObject({
      periodStart: z.int().min(1990).max(2200),
      term: z.union([z.literal(1), z.literal(2)]),
      /** First day of the term; default the voting day. Term 1 lasts 2 years, term 2 lasts 3. */
      start: Day.optional(),
    }),
    schedule: z.strictObject({
      votingDay: Day,
      candidacyOpensOn: Day,
      candidacyClosesOn: Day,
      /** Last day for objections; default the roll-freeze day. */
      objectionsCloseOn: Day.optional(),
      /** Day the roll is frozen; default the day before voting. */
      rollFreezeOn: Day.optional(),
    }),
    committee: z.strictObject({
      memberIds: z.array(z.uuid()).min(1).max(25),
      threshold: z.int().min(1),
    }),
  })
  .meta({ id: 'CreateElection' });

export const TransitionBody = z
  .strictObject({ action: z.enum(TRANSITION_ACTIONS), reason: z.string().trim().min(1).max(2000).optional() })
  .meta({ id: 'ElectionTransition' });

export const NominationBody = z.strictObject({
  memberId: z.uuid(),
  /** Co-spokesperson place stood for. */
  slot: z.enum(['female', 'male']).optional(),
});

export const WithdrawalBody = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });

export const ObjectionBody = z.strictObject({
  candidateMemberId: z.uuid().optional(),
  grounds: z.string().trim().min(5).max(5000),
});

export const ObjectionDecisionBody = z.strictObject({
  upheld: z.boolean(),
  reason: z.strictObject({ tr: z.string().trim().min(3).max(2000), en: z.string().trim().min(3).max(2000) }),
});

export const TallyBody = z
  .strictObject({
    ballotsCast: z.int().min(0),
    blankBallots: z.int().min(0).default(0),
    invalidBallots: z.int().min(0).default(0),
    present: z.int().min(0).optional(),
    /** Every candidate of the round once; empty only for a round in which no candidate stood. */
    totals: z.array(z.strictObject({ memberId: z.uuid(), votes: z.int().min(0) })),
  })
  .meta({ id: 'ElectionTally' });

export const ApprovalBody = z.strictObject({ resultHash: z.string().regex(/^[0-9a-f]{64}$/) });

export const ListElectionsQuery = z.strictObject({
  status: ElectionStatus.optional(),
  bodyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
