import type { Prisma } from '../../generated/prisma/client.js';
import { attachPendingPolls } from '../data/poll-repository.js';
import { countRoll, findRosterBody } from '../data/roll-repository.js';
import { findOpenSitting, findSitting, lockBody } from '../data/sitting-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { loadSittingFor } from './load-sitting.js';
import { sittingView } from './sitting-views.js';

/**
 * Open a scheduled sitting: the body's roll is frozen (üye tam sayısı for the quorum), and every poll
 * waiting for a sitting of this body attaches to it. A body has one open sitting at a time.
 */
export async function openSitting(tx: Prisma.TransactionClient, options: { sittingId: string; at: Date }) {
  const found = await findSitting(tx, options.sittingId);
  if (found) await lockBody(tx, found.bodyId);
  const sitting = await loadSittingFor(tx, options.sittingId, ['scheduled'], 'open the sitting');
  const other = await findOpenSitting(tx, sitting.bodyId);
  if (other)
    throw sittingsError('sitting-already-open', `sitting ${other.sittingId} of this body is open`, {
      field: 'bodyId',
    });
  const body = await findRosterBody(tx, sitting.bodyId);
  const rollSize = body ? await countRoll(tx, body, options.at) : 0;
  const opened = await tx.sitting.update({
    where: { sittingId: sitting.sittingId },
    data: { status: 'open', openedAt: options.at, rollSize },
  });
  const attachedPolls = await attachPendingPolls(tx, sitting.bodyId, sitting.sittingId);
  return { ...sittingView(opened), attachedPolls };
}
