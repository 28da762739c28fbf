import type { Gender, MemberKind, MemberStatus } from '@konsey/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { MembershipPrisma } from '../membership-prisma.js';

export interface ListMembersOptions {
  status?: MemberStatus | undefined;
  kind?: MemberKind | undefined;
  gender?: Gender | undefined;
  bodyId?: string | undefined;
  /** Part of the shown name, case-insensitive (Turkish letters included). */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of members, filtered, ordered by name, with the total for the filters. */
export async function listMembers(prisma: MembershipPrisma, options: ListMembersOptions) {
  const where: Prisma.MemberWhereInput = {
    ...(options.status ? { status: options.status } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.gender ? { gender: options.gender } : {}),
    ...(options.bodyId ? { bodies: { some: { bodyId: options.bodyId, leftOn: null } } } : {}),
    ...(options.q ? { displayName: { contains: options.q, mode: 'insensitive' as const } } : {}),
  };
  const [total, rows] = await prisma.$transaction([
    prisma.member.count({ where }),
    prisma.member.findMany({
      where,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: { id: true, kind: true, displayName: true, gender: true, status: true, admittedAt: true },
    }),
  ]);
  return {
    items: rows.map((row) => ({ ...row, admittedAt: row.admittedAt.toISOString() })),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}
