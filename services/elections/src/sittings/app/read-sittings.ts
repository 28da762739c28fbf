import type { Prisma } from '../../generated/prisma/client.js';
import { listAttendance } from '../data/attendance-repository.js';
import { findPoll, listSittingPolls } from '../data/poll-repository.js';
import { findSitting } from '../data/sitting-repository.js';
import { listNamedVotes } from '../data/vote-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { sittingQuorum } from './sitting-quorum.js';
import { attendanceView, pollView, sittingView } from './sitting-views.js';

type Db = Prisma.TransactionClient;

async function requireSitting(db: Db, sittingId: string) {
  const sitting = await findSitting(db, sittingId);
  if (!sitting) throw sittingsError('sitting-not-found', `no sitting ${sittingId}`, { field: 'params.sittingId' });
  return sitting;
}

/** A sitting with its live quorum and its polls. */
export async function getSitting(db: Db, sittingId: string) {
  const sitting = await requireSitting(db, sittingId);
  const polls = await listSittingPolls(db, sittingId);
  const counts = await db.pollVote.groupBy({
    by: ['pollId'],
    where: { pollId: { in: polls.map((poll) => poll.pollId) } },
    _count: { _all: true },
  });
  const cast = new Map(counts.map((row) => [row.pollId, row._count._all]));
  return {
    ...sittingView(sitting),
    quorum: await sittingQuorum(db, sitting),
    polls: polls.map((poll) => pollView(poll, cast.get(poll.pollId) ?? 0)),
  };
}

export async function getQuorum(db: Db, sittingId: string) {
  return sittingQuorum(db, await requireSitting(db, sittingId));
}

/** The attendance list: every stay in the room with its times (the hazirun record of the sitting). */
export async function getAttendance(db: Db, sittingId: string) {
  const sitting = await requireSitting(db, sittingId);
  const stays = await listAttendance(db, sittingId);
  return {
    sittingId,
    present: new Set(stays.filter((stay) => !stay.checkedOutAt).map((stay) => stay.memberId)).size,
    quorum: await sittingQuorum(db, sitting),
    attendance: stays.map(attendanceView),
  };
}

async function requirePoll(db: Db, pollId: string) {
  const poll = await findPoll(db, pollId);
  if (!poll) throw sittingsError('poll-not-found', `no poll ${pollId}`, { field: 'params.pollId' });
  return poll;
}

/** A poll as staff see it (counts once closed). */
export async function getPoll(db: Db, pollId: string) {
  const poll = await requirePoll(db, pollId);
  return pollView(poll, await db.pollVote.count({ where: { pollId } }));
}

/**
 * The public result of a closed poll; an open (named) poll also lists who voted what, a secret poll
 * only how many voted.
 */
export async function getPollResult(db: Db, pollId: string) {
  const poll = await requirePoll(db, pollId);
  if (poll.status !== 'closed')
    throw sittingsError('poll-not-closed', `poll ${pollId} is ${poll.status}`, { field: 'status' });
  const view = pollView(poll, await db.pollVote.count({ where: { pollId } }));
  const votes =
    poll.visibility === 'open'
      ? (await listNamedVotes(db, pollId)).map((vote) => ({ memberId: vote.memberId, choice: vote.choice! }))
      : null;
  return { ...view, votes };
}
