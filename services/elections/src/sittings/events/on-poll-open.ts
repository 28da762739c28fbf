import type { MessageHandler } from '@konsey/service-kit';
import type { Prisma } from '../../generated/prisma/client.js';
import { recordPollRequest } from '../app/record-poll-request.js';

/** `elections.poll.open` from motions: record the poll (once per poll id). */
export const onPollOpen: MessageHandler<Prisma.TransactionClient, 'elections.poll.open'> = async (
  tx,
  { data },
) => {
  await recordPollRequest({ tx, request: data });
};
