import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * The process's node-postgres pool. Prisma runs on it (through its pg driver adapter), and the few
 * hot paths that cannot afford Prisma's query path (taking ballots in at a peak) borrow the same
 * connections, so `DATABASE_POOL_MAX` bounds them all.
 */
export function createDatabasePool(options: { databaseUrl: string; poolMax: number }): pg.Pool {
  return new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax });
}

/** Prisma 7's pg driver adapter (no native engine), on a pool of its own or on the given one (ended with Prisma). */
export function createPrismaAdapter(
  options: { databaseUrl: string; poolMax: number } | { pool: pg.Pool },
): PrismaPg {
  if ('pool' in options) return new PrismaPg(options.pool, { disposeExternalPool: true });
  return new PrismaPg({ connectionString: options.databaseUrl, max: options.poolMax });
}
