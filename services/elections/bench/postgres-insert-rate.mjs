// The floor to compare intake with: single-row INSERTs, each its own transaction with the server's
// default durability (synchronous_commit as configured), over as many connections as the API's pool,
// of a row the size of a cast ballot.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export async function postgresInsertRate({ databaseUrl, connections, seconds, payload }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    await pool.query(
      'CREATE TABLE bench_raw_inserts (id uuid PRIMARY KEY, content jsonb NOT NULL, inserted_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await pool.query('SHOW synchronous_commit');
    const deadline = performance.now() + seconds * 1000;
    let inserted = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          await pool.query('INSERT INTO bench_raw_inserts (id, content) VALUES ($1, $2)', [
            randomUUID(),
            payload,
          ]);
          inserted += 1;
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    await pool.query('DROP TABLE bench_raw_inserts');
    return {
      rowsPerSecond: inserted / elapsed,
      rows: inserted,
      seconds: elapsed,
      synchronousCommit: rows[0].synchronous_commit,
    };
  } finally {
    await pool.end();
  }
}
