import type pg from 'pg';
import type { SqlClient, TransactionRunner } from '../database/sql-client.js';

/** A SqlClient over a plain pg client or pool, for kit tests and tools that run without a Prisma client. */
export function pgSqlClient(client: pg.Pool | pg.PoolClient): SqlClient {
  return {
    $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
      (await client.query(query, values)).rows as T,
  };
}

/** Runs work in one transaction on a pooled connection: the shape services get from Prisma. */
export function pgTransactionRunner(pool: pg.Pool): TransactionRunner {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(pgSqlClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}
