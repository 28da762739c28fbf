import { z } from 'zod';
import { Office, PollMajority, Seat } from '../enums.js';
import { Reason } from './reason.js';
import { defineMessage } from '../message-definition.js';
import { CalendarDate, TermNumber, Timestamp, Uuid } from './shared-schemas.js';

export const resultCertified = defineMessage({
  type: 'elections.result.certified',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['membership', 'notifications'],
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

export const electionAnnounced = defineMessage({
  type: 'elections.election.announced',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['notifications'],
  summary: 'An election was announced to the members of its body.',
  schema: z.object({
    electionId: Uuid,
    title: z.string().min(1).max(300),
    office: Office,
    bodyId: Uuid,
    votingOn: CalendarDate,
    candidacyOpensOn: CalendarDate,
    candidacyClosesOn: CalendarDate,
  }),
});

export const candidacyDecided = defineMessage({
  type: 'elections.candidacy.decided',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['notifications'],
  summary: 'A candidacy was found eligible or ineligible, with the reasons.',
  schema: z.object({ electionId: Uuid, memberId: Uuid, eligible: z.boolean(), reasons: z.array(Reason) }),
});

export const objectionDecided = defineMessage({
  type: 'elections.objection.decided',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['notifications'],
  summary: 'The election committee decided an objection (itiraz).',
  schema: z.object({
    electionId: Uuid,
    objectionId: Uuid,
    objectorId: Uuid,
    upheld: z.boolean(),
    reason: Reason,
  }),
});

export const votingOpened = defineMessage({
  type: 'elections.voting.opened',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['notifications'],
  summary: 'Voting opened for a round of an election.',
  schema: z.object({
    electionId: Uuid,
    round: z.number().int().min(1),
    title: z.string().min(1).max(300),
    closesAt: Timestamp.optional(),
  }),
});

export const ballotReceived = defineMessage({
  type: 'elections.ballot.received',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['notifications'],
  summary: 'A ballot was received; the voter gets its tracking code (a receipt they cannot opt out of).',
  schema: z.object({
    electionId: Uuid,
    round: z.number().int().min(1),
    memberId: Uuid,
    trackingCode: z.string().min(4).max(40),
  }),
});

const PollChoice = z.enum(['yes', 'no', 'abstain']);

export const openPoll = defineMessage({
  type: 'elections.poll.open',
  kind: 'command',
  version: 1,
  producer: 'motions',
  consumers: ['elections'],
  summary: 'Motions asks elections to run a yes/no/abstain poll on a motion at a sitting of a body.',
  schema: z.object({
    /** Chosen by the requester, so a repeated command opens one poll. */
    pollId: Uuid,
    subject: z.object({ kind: z.literal('motion'), id: Uuid }),
    title: z.string().min(1).max(300),
    bodyId: Uuid,
    visibility: z.enum(['open', 'secret']).default('open'),
    majority: PollMajority.default('present'),
    choices: z.array(PollChoice).default(['yes', 'no', 'abstain']),
    requestedAt: Timestamp,
  }),
});

export const pollDecided = defineMessage({
  type: 'elections.poll.decided',
  kind: 'event',
  version: 1,
  producer: 'elections',
  consumers: ['motions'],
  summary: 'A poll closed with its counts and outcome.',
  schema: z.object({
    pollId: Uuid,
    subject: z.object({ kind: z.literal('motion'), id: Uuid }),
    yes: z.number().int().min(0),
    no: z.number().int().min(0),
    abstain: z.number().int().min(0),
    present: z.number().int().min(0),
    majority: PollMajority,
    outcome: z.enum(['adopted', 'rejected']),
    decidedAt: Timestamp,
  }),
});
