import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ElectionStatus } from '../../domain/election-lifecycle.js';
import { isStaff, type Caller } from './caller.js';
import { electionView, type ElectionView } from './election-view.js';

export interface ListElectionsFilter {
  status?: ElectionStatus | undefined;
  bodyId?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * A page of elections, newest first, filtered by status and body. Staff and operators see every
 * election; a member of an election committee sees the elections whose committee they sit on.
 */
export async function listElections(
  prisma: PrismaClient,
  caller: Caller,
  filter: ListElectionsFilter,
): Promise<{ items: ElectionView[]; total: number; limit: number; offset: number }> {
  const where: Prisma.ElectionWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.bodyId ? { bodyId: filter.bodyId } : {}),
  };
  if (!isStaff(caller)) {
    const seats = await prisma.electionCommitteeMember.findMany({ where: { memberId: caller.subject } });
    where.id = { in: seats.map((seat) => seat.electionId) };
  }
  const [rows, total] = await Promise.all([
    prisma.election.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: filter.limit,
      skip: filter.offset,
    }),
    prisma.election.count({ where }),
  ]);
  const committees = await prisma.electionCommitteeMember.findMany({
    where: { electionId: { in: rows.map((row) => row.id) } },
    orderBy: { memberId: 'asc' },
  });
  const items = rows.map((row) =>
    electionView(row, {
      memberIds: committees.filter((seat) => seat.electionId === row.id).map((seat) => seat.memberId),
    }),
  );
  return { items, total, limit: filter.limit, offset: filter.offset };
}
