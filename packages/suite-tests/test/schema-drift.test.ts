import { fileURLToPath } from 'node:url';
import { applyMigrations, findSchemaDrift } from '@konsey/service-kit';
import { createTestDatabase } from '@konsey/service-kit/testing';
import pg from 'pg';

const service = (name: string, path: string) => fileURLToPath(new URL(`../../../services/${name}/prisma/${path}`, import.meta.url));

describe('migrations match the Prisma schema of every service', () => {
  it.each(['membership', 'elections', 'motions', 'notifications'])(
    'when the migrations of %s are applied to an empty database, then the database matches its Prisma schema',
    async (name) => {
      const database = await createTestDatabase(`drift_${name}`);
      try {
        await applyMigrations({ databaseUrl: database.url, directory: service(name, 'migrations') });
        expect(await findSchemaDrift({ databaseUrl: database.url, schemaDir: service(name, 'schema') })).toEqual([]);
      } finally {
        await database.drop();
      }
    },
  );

  it('when the database departs from the schema, then each difference is named', async () => {
    const database = await createTestDatabase('drift_negative');
    const client = new pg.Client({ connectionString: database.url });
    try {
      await applyMigrations({ databaseUrl: database.url, directory: service('membership', 'migrations') });
      await client.connect();
      await client.query('ALTER TABLE members ADD COLUMN nickname text');
      await client.query('ALTER TABLE members ALTER COLUMN status_reason SET NOT NULL');
      await client.query('ALTER TABLE members DROP COLUMN admitted_at');
      await client.query('ALTER TABLE audit_log ALTER COLUMN actor TYPE varchar(20)');
      expect(await findSchemaDrift({ databaseUrl: database.url, schemaDir: service('membership', 'schema') })).toEqual([
        'audit_log.actor: schema type String, database type character varying',
        'members.admitted_at: in the schema, missing from the database',
        'members.nickname: in the database, missing from the schema',
        'members.status_reason: schema says nullable, database says NOT NULL',
      ]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
