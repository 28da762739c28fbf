import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { applyMigrations, MigrationError } from '../src/database/apply-migrations.js';
import { createTestDatabase } from '../src/testing/test-database.js';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

let root: string;
let directory: string;
let database: { url: string; drop: () => Promise<void> };
/** The test's own connection, to inspect and reset the database. */
let inspector: pg.Client;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'konsey-migrations-'));
  database = await createTestDatabase('apply_migrations');
  inspector = new pg.Client({ connectionString: database.url });
  await inspector.connect();
});

afterAll(async () => {
  await inspector.end();
  await database.drop();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  // Each test starts from an empty database and an empty migrations folder of its own.
  directory = await mkdtemp(join(root, 'case-'));
  await query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
});

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(join(directory, name), { recursive: true });
  await writeFile(join(directory, name, 'migration.sql'), sql);
}

async function query<Row extends pg.QueryResultRow>(text: string): Promise<Row[]> {
  return (await inspector.query<Row>(text)).rows;
}

function recorded(): Promise<MigrationRow[]> {
  return query<MigrationRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  );
}

async function tables(): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const CREATE_A = 'CREATE TABLE a (id integer PRIMARY KEY);\n';
// Depends on `a`, so it can only succeed when applied after the first migration.
const CREATE_B = 'CREATE TABLE b (id integer PRIMARY KEY, a_id integer NOT NULL REFERENCES a (id));\n';

describe('applyMigrations', () => {
  it('when migrations are pending, then they are applied in name order and recorded as Prisma does', async () => {
    // Written out of order: the folder names, not the creation order, decide.
    await addMigration('20240102000000_b', CREATE_B);
    await addMigration('20240101000000_a', CREATE_A);

    const applied = await applyMigrations({ databaseUrl: database.url, directory });

    expect(applied).toEqual(['20240101000000_a', '20240102000000_b']);
    expect(await tables()).toEqual(['a', 'b']);
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name).sort()).toEqual(['20240101000000_a', '20240102000000_b']);
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    expect(byName.get('20240101000000_a')!.checksum).toBe(sha256(CREATE_A));
    expect(byName.get('20240102000000_b')!.checksum).toBe(sha256(CREATE_B));
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('when everything is applied already, then a second run applies nothing', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await addMigration('20240102000000_b', CREATE_B);
    await applyMigrations({ databaseUrl: database.url, directory });

    const again = await applyMigrations({ databaseUrl: database.url, directory });

    expect(again).toEqual([]);
    expect(await recorded()).toHaveLength(2);
  });

  it('when a migration is added later, then only that one is applied', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await applyMigrations({ databaseUrl: database.url, directory });
    await addMigration('20240102000000_b', CREATE_B);

    const applied = await applyMigrations({ databaseUrl: database.url, directory });

    expect(applied).toEqual(['20240102000000_b']);
    expect((await recorded()).map((row) => row.migration_name).sort()).toEqual([
      '20240101000000_a',
      '20240102000000_b',
    ]);
  });

  it('when an applied migration was edited, then the next run throws a MigrationError naming it', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await applyMigrations({ databaseUrl: database.url, directory });
    await addMigration('20240101000000_a', `${CREATE_A}-- edited afterwards\n`);
    await addMigration('20240102000000_b', CREATE_B);

    const error = await applyMigrations({ databaseUrl: database.url, directory }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('20240101000000_a');
    expect((error as MigrationError).code).toBe('migration-failed');
    // Nothing after the edited migration ran.
    expect(await tables()).toEqual(['a']);
  });

  it('when a migration fails, then it throws, leaves no row and no partial effects, and a fixed one applies next time', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await addMigration(
      '20240102000000_b',
      'CREATE TABLE half (id integer);\nINSERT INTO a (id) VALUES (1);\nSELECT * FROM no_such_table;\n',
    );

    const error = await applyMigrations({ databaseUrl: database.url, directory }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toContain('20240102000000_b');
    expect((error as MigrationError).message).toContain('no_such_table');
    expect((await recorded()).map((row) => row.migration_name)).toEqual(['20240101000000_a']);
    expect(await tables()).toEqual(['a']);
    expect(await query('SELECT id FROM a')).toEqual([]);

    await addMigration(
      '20240102000000_b',
      'CREATE TABLE half (id integer);\nINSERT INTO a (id) VALUES (1);\n',
    );
    const applied = await applyMigrations({ databaseUrl: database.url, directory });

    expect(applied).toEqual(['20240102000000_b']);
    expect(await tables()).toEqual(['a', 'half']);
    expect(await query('SELECT id FROM a')).toEqual([{ id: 1 }]);
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(['20240101000000_a', '20240102000000_b']);
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it('when an earlier run was left half-applied, then the next run refuses to go on', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await applyMigrations({ databaseUrl: database.url, directory });
    await query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000001', '${sha256('x')}', '20240102000000_crashed')`,
    );
    await addMigration('20240103000000_c', 'CREATE TABLE c (id integer);\n');

    await expect(applyMigrations({ databaseUrl: database.url, directory })).rejects.toThrow(
      /20240102000000_crashed/,
    );
    expect(await tables()).toEqual(['a']);
  });

  it('when two processes migrate the same database at once, then both succeed and each migration is applied once', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await addMigration('20240102000000_b', CREATE_B);
    await addMigration('20240103000000_c', 'INSERT INTO a (id) VALUES (1);\n');

    const [first, second] = await Promise.all([
      applyMigrations({ databaseUrl: database.url, directory }),
      applyMigrations({ databaseUrl: database.url, directory }),
    ]);

    expect([...first, ...second].sort()).toEqual([
      '20240101000000_a',
      '20240102000000_b',
      '20240103000000_c',
    ]);
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name).sort()).toEqual([
      '20240101000000_a',
      '20240102000000_b',
      '20240103000000_c',
    ]);
    // Applied once: a second run of the INSERT would have left two rows (or failed on the key).
    expect(await query('SELECT id FROM a')).toEqual([{ id: 1 }]);
  });

  it('when the directory holds files beside the migration folders, then only the folders are migrations', async () => {
    await addMigration('20240101000000_a', CREATE_A);
    await writeFile(join(directory, 'migration_lock.toml'), 'provider = "postgresql"\n');

    expect(await applyMigrations({ databaseUrl: database.url, directory })).toEqual(['20240101000000_a']);
  });
});
