import { publishEvent } from '@konsey/service-kit';
import type { Prisma } from '../../generated/prisma/client.js';
import { presentMemberIds } from '../data/attendance-repository.js';
import { voterIds } from '../data/vote-repository.js';
import { decidePoll, pollPresence, type PollMajority } from '../domain/decide-poll.js';
import { loadPollFor } from './load-poll.js';
import { pollView } from './sitting-views.js';

/**
 * Staff close voting: the outcome is decided from the counts and those present (the room at closing
 * plus anyone who voted and left), and `elections.poll.decided` goes to the outbox in the same
 * transaction. The poll row is locked and must be `voting`, so the event is written exactly once.
 */
export async function closeVoting(tx: Prisma.TransactionClient, options: { pollId: string; at: Date }) {
  const poll = await loadPollFor(tx, options.pollId, ['voting'], 'close voting');
  const voters = await voterIds(tx, poll.pollId);
  const present = pollPresence({ presentAtClose: await presentMemberIds(tx, poll.sittingId!), voters });
  const majority = poll.majority as PollMajority;
  const decision = decidePoll({ yes: poll.yes, no: poll.no, abstain: poll.abstain, present }, majority);
  const closed = await tx.poll.update({
    where: { pollId: poll.pollId },
    data: { status: 'closed', present, outcome: decision.outcome, closedAt: options.at },
  });
  await publishEvent(tx, {
    type: 'elections.poll.decided',
    data: {
      pollId: poll.pollId,
      subject: { kind: 'motion', id: poll.subjectId },
      yes: poll.yes,
      no: poll.no,
      abstain: poll.abstain,
      present,
      majority,
      outcome: decision.outcome,
      decidedAt: options.at.toISOString(),
    },
    occurredAt: options.at,
  });
  return { ...pollView(closed, voters.length), reason: decision.reason, required: decision.required };
}
