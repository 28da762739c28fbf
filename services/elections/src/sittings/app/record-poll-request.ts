import type { MessageData } from '@konsey/contracts';
import type { Prisma } from '../../generated/prisma/client.js';
import { insertPollOnce } from '../data/poll-repository.js';
import { findOpenSitting, lockBody } from '../data/sitting-repository.js';

/**
 * Record a poll motions asked for. The poll id is the requester's, so a repeated command (even with a
 * new message id) opens one poll. It attaches to the body's open sitting; when none is open it waits
 * (`pending`) and attaches when a sitting of that body opens.
 */
export async function recordPollRequest(options: {
  tx: Prisma.TransactionClient;
  request: MessageData<'elections.poll.open'>;
}): Promise<{ created: boolean }> {
  const { tx, request } = options;
  await lockBody(tx, request.bodyId); // against a sitting of the body opening at the same moment
  const sitting = await findOpenSitting(tx, request.bodyId);
  const created = await insertPollOnce(tx, {
    pollId: request.pollId,
    subject: request.subject,
    title: request.title,
    bodyId: request.bodyId,
    visibility: request.visibility,
    majority: request.majority,
    choices: request.choices,
    requestedAt: new Date(request.requestedAt),
    sittingId: sitting?.sittingId,
  });
  return { created };
}
