import { PrismaPg } from '@prisma/adapter-pg';

/** Prisma 7's pg driver adapter (no native engine), with the pool sized from config. */
export function createPrismaAdapter(options: { databaseUrl: string; poolMax: number }): PrismaPg {
  return new PrismaPg({ connectionString: options.databaseUrl, max: options.poolMax });
}
