import type { Prisma, PrismaClient } from './generated/prisma/client.js';

export type MembershipPrisma = PrismaClient;
/** A Prisma transaction of the membership database: use cases that compose take one. */
export type MembershipTx = Prisma.TransactionClient;
