import pg from 'pg';
import { isPortOpen } from './probe.js';

export type PostgresChoice =
  { kind: 'given'; serverUrl: string } | { kind: 'local'; serverUrl: string } | { kind: 'embedded' };

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * POSTGRES_URL (a server; each service gets its own database on it) when given; otherwise the local
 * server on 127.0.0.1:5432 when it lets us in; otherwise (or with KONSEY_DATABASE=embedded) each
 * service's embedded PostgreSQL.
 */
export async function choosePostgres(env: NodeJS.ProcessEnv): Promise<PostgresChoice> {
  if (env.KONSEY_DATABASE === 'embedded') return { kind: 'embedded' };
  if (env.POSTGRES_URL) return { kind: 'given', serverUrl: env.POSTGRES_URL };
  const local = 'postgresql://postgres@127.0.0.1:5432/postgres';
  if ((await isPortOpen('127.0.0.1', 5432)) && (await canConnect(local)))
    return { kind: 'local', serverUrl: local };
  return { kind: 'embedded' };
}

export function databaseUrlFor(serverUrl: string, service: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/konsey_${service}`;
  return url.toString();
}
