import type { Prisma } from '../../generated/prisma/client.js';
import { quorumStatus, type QuorumStatus } from '../../domain/quorum.js';
import { presentMemberIds } from '../data/attendance-repository.js';
import { countRoll, findRosterBody } from '../data/roll-repository.js';
import type { SittingRow } from '../data/sitting-repository.js';
import { fallbackOf } from './sitting-views.js';

/**
 * The sitting's quorum now: members in the room against the body's roll (frozen when the sitting
 * opened; counted live before), with the council's fallback at a second meeting.
 */
export async function sittingQuorum(
  db: Prisma.TransactionClient,
  sitting: SittingRow,
): Promise<QuorumStatus & { members: number }> {
  const body = await findRosterBody(db, sitting.bodyId);
  const members =
    sitting.rollSize ?? (body ? await countRoll(db, body, sitting.openedAt ?? new Date()) : 0);
  const present = (await presentMemberIds(db, sitting.sittingId)).length;
  // Someone who joined the body after the roll froze may be in the room; they never lift the count
  // above the roll.
  const status = quorumStatus({
    members,
    present: Math.min(present, members),
    meeting: sitting.meeting as 'first' | 'second',
    fallback: fallbackOf(sitting),
  });
  return { ...status, members };
}
