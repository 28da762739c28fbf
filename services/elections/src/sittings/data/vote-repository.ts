import type { Prisma } from '../../generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export type Choice = 'yes' | 'no' | 'abstain';

export function findVote(db: Db, pollId: string, memberId: string) {
  return db.pollVote.findUnique({ where: { pollId_memberId: { pollId, memberId } } });
}

/**
 * Record that the member voted: with the choice in an open poll, or with only a receipt hash in a
 * secret one (then `choice` must be null).
 */
export function saveVote(
  db: Db,
  vote: { pollId: string; memberId: string; choice: Choice | null; receiptHash: string | null; at: Date },
) {
  const data = { choice: vote.choice, receiptHash: vote.receiptHash, votedAt: vote.at };
  return db.pollVote.upsert({
    where: { pollId_memberId: { pollId: vote.pollId, memberId: vote.memberId } },
    create: { pollId: vote.pollId, memberId: vote.memberId, ...data },
    update: data,
  });
}

/** Move one vote between the poll's counters (from nothing, for a first vote). */
export async function moveCount(db: Db, pollId: string, from: Choice | undefined, to: Choice): Promise<void> {
  if (from === to) return;
  await db.poll.update({
    where: { pollId },
    data: { [to]: { increment: 1 }, ...(from ? { [from]: { decrement: 1 } } : {}) },
  });
}

export async function voterIds(db: Db, pollId: string): Promise<string[]> {
  const rows = await db.pollVote.findMany({ where: { pollId }, select: { memberId: true } });
  return rows.map((row) => row.memberId);
}

/** Named votes of an open poll, for its public result. */
export function listNamedVotes(db: Db, pollId: string) {
  return db.pollVote.findMany({
    where: { pollId, choice: { not: null } },
    select: { memberId: true, choice: true, votedAt: true },
    orderBy: { memberId: 'asc' },
  });
}
