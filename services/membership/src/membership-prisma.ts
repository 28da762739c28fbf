import type { PrismaClient } from './generated/prisma/client.js';

export type MembershipPrisma = PrismaClient;
