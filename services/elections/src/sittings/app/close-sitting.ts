import type { Prisma } from '../../generated/prisma/client.js';
import { checkOutEveryone } from '../data/attendance-repository.js';
import { countVotingPolls, detachReadyPolls } from '../data/poll-repository.js';
import { findSitting, lockBody } from '../data/sitting-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { loadSittingFor } from './load-sitting.js';
import { sittingView } from './sitting-views.js';

/**
 * Close an open sitting. Refused while a poll is being voted on. Polls never put to the vote go back
 * to waiting for the body's next sitting; whoever is still in the room is checked out at closing time.
 */
export async function closeSitting(
  tx: Prisma.TransactionClient,
  options: { sittingId: string; actor: string; at: Date },
) {
  const found = await findSitting(tx, options.sittingId);
  if (found) await lockBody(tx, found.bodyId);
  const sitting = await loadSittingFor(tx, options.sittingId, ['open'], 'close the sitting');
  const voting = await countVotingPolls(tx, sitting.sittingId);
  if (voting > 0)
    throw sittingsError('polls-still-voting', `${voting} poll(s) of this sitting are still open for voting`);
  const returnedPolls = await detachReadyPolls(tx, sitting.sittingId);
  await checkOutEveryone(tx, sitting.sittingId, options.at, options.actor);
  const closed = await tx.sitting.update({
    where: { sittingId: sitting.sittingId },
    data: { status: 'closed', closedAt: options.at },
  });
  return { ...sittingView(closed), returnedPolls };
}
