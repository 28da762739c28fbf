import pg from 'pg';
import type { SuiteService } from './suite-endpoints.js';

/** Fresh, empty databases of one rehearsal on a PostgreSQL server: `konsey_<run>_<service>`. */
export interface OwnDatabases {
  urls: Record<SuiteService, string>;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createOwnDatabases(
  serverUrl: string,
  runId: string,
  services: readonly SuiteService[],
): Promise<OwnDatabases> {
  const names = Object.fromEntries(services.map((s) => [s, `konsey_${runId}_${s}`])) as Record<
    SuiteService,
    string
  >;
  await onServer(serverUrl, async (client) => {
    for (const name of Object.values(names)) await client.query(`CREATE DATABASE "${name}"`);
  });
  const urls = Object.fromEntries(
    Object.entries(names).map(([service, name]) => {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return [service, url.toString()];
    }),
  ) as Record<SuiteService, string>;
  return {
    urls,
    drop: () =>
      onServer(serverUrl, async (client) => {
        for (const name of Object.values(names))
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}
