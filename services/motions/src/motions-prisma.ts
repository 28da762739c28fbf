import type { Prisma, PrismaClient } from './generated/prisma/client.js';

export type MotionsPrisma = PrismaClient;
/** A Prisma transaction of the motions database: use cases that compose take one. */
export type MotionsTx = Prisma.TransactionClient;
