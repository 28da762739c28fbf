import type { Prisma } from '../../generated/prisma/client.js';
import { lockSitting } from '../data/sitting-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { loadPollFor } from './load-poll.js';
import { sittingQuorum } from './sitting-quorum.js';
import { pollView } from './sitting-views.js';

/** Staff open voting on a poll attached to an open sitting; the sitting must have its quorum. */
export async function openVoting(tx: Prisma.TransactionClient, options: { pollId: string; at: Date }) {
  const poll = await loadPollFor(tx, options.pollId, ['ready'], 'open voting');
  const sitting = (await lockSitting(tx, poll.sittingId!))!;
  const quorum = await sittingQuorum(tx, sitting);
  if (!quorum.reached) throw sittingsError('no-quorum', quorum.reason.en);
  const opened = await tx.poll.update({
    where: { pollId: poll.pollId },
    data: { status: 'voting', votingOpenedAt: options.at },
  });
  return { ...pollView(opened, 0), quorum };
}
