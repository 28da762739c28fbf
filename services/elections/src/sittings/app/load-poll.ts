import type { Prisma } from '../../generated/prisma/client.js';
import { lockPoll, type PollRow } from '../data/poll-repository.js';
import { sittingsError } from '../sittings-errors.js';

type Status = 'pending' | 'ready' | 'voting' | 'closed';

const WHY: Record<Status, string> = {
  pending: 'no sitting of its body is open yet',
  ready: 'voting has not opened',
  voting: 'voting is open',
  closed: 'voting has closed',
};

/** Lock the poll for this transaction, refusing when it is missing or not in one of `allowed`. */
export async function loadPollFor(
  tx: Prisma.TransactionClient,
  pollId: string,
  allowed: readonly Status[],
  action: string,
): Promise<PollRow> {
  const poll = await lockPoll(tx, pollId);
  if (!poll) throw sittingsError('poll-not-found', `no poll ${pollId}`, { field: 'params.pollId' });
  const status = poll.status as Status;
  if (!allowed.includes(status))
    throw sittingsError('poll-state', `cannot ${action}: ${WHY[status]} (poll is ${status})`, { field: 'status' });
  return poll;
}
