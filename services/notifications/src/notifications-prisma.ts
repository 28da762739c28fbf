import type { Prisma, PrismaClient } from './generated/prisma/client.js';

export type NotificationsPrisma = PrismaClient;
/** A Prisma transaction of the notifications database. */
export type NotificationsTx = Prisma.TransactionClient;
