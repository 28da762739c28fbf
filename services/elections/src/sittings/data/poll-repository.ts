import type { Prisma } from '../../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export interface NewPoll {
  pollId: string;
  subject: { kind: 'motion'; id: string };
  title: string;
  bodyId: string;
  visibility: 'open' | 'secret';
  majority: 'present' | 'cast';
  choices: readonly string[];
  requestedAt: Date;
  /** The open sitting it attaches to, if any; otherwise the poll waits (`pending`). */
  sittingId: string | undefined;
}

/** Insert the poll unless its id is already known; true when this call created it. */
export async function insertPollOnce(db: Db, poll: NewPoll): Promise<boolean> {
  const { count } = await db.poll.createMany({
    data: {
      pollId: poll.pollId,
      subjectKind: poll.subject.kind,
      subjectId: poll.subject.id,
      title: poll.title,
      bodyId: poll.bodyId,
      visibility: poll.visibility,
      majority: poll.majority,
      choices: poll.choices.join(','),
      requestedAt: poll.requestedAt,
      status: poll.sittingId ? 'ready' : 'pending',
      sittingId: poll.sittingId ?? null,
    },
    skipDuplicates: true,
  });
  return count === 1;
}

export function findPoll(db: Db, pollId: string) {
  return db.poll.findUnique({ where: { pollId } });
}

/** Read a poll and hold its row until the transaction ends, so votes and closing do not interleave. */
export async function lockPoll(db: Db, pollId: string) {
  await db.$queryRaw`SELECT 1 FROM "polls" WHERE "poll_id" = ${pollId}::uuid FOR UPDATE`;
  return db.poll.findUnique({ where: { pollId } });
}

export type PollRow = NonNullable<Awaited<ReturnType<typeof findPoll>>>;

/** Attach every pending poll of the body to the sitting that just opened. */
export async function attachPendingPolls(db: Db, bodyId: string, sittingId: string): Promise<number> {
  const { count } = await db.poll.updateMany({
    where: { bodyId, status: 'pending' },
    data: { status: 'ready', sittingId },
  });
  return count;
}

/** Polls not yet voted on go back to waiting when their sitting closes. */
export async function detachReadyPolls(db: Db, sittingId: string): Promise<number> {
  const { count } = await db.poll.updateMany({
    where: { sittingId, status: 'ready' },
    data: { status: 'pending', sittingId: null },
  });
  return count;
}

export function countVotingPolls(db: Db, sittingId: string) {
  return db.poll.count({ where: { sittingId, status: 'voting' } });
}

export function listSittingPolls(db: Db, sittingId: string) {
  return db.poll.findMany({ where: { sittingId }, orderBy: { requestedAt: 'asc' } });
}
