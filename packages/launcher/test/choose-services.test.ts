import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePostgres, databaseUrlFor } from '../src/choose-postgres.js';
import { chooseRedis, RedisMissingError } from '../src/choose-redis.js';
import { freePort } from '../src/probe.js';

describe('choosing PostgreSQL', () => {
  it('when POSTGRES_URL is given, then each service gets its own database on that server', async () => {
    const choice = await choosePostgres({
      POSTGRES_URL: 'postgresql://konsey:secret@db.example:5432/postgres',
    });
    expect(choice).toEqual({
      kind: 'given',
      serverUrl: 'postgresql://konsey:secret@db.example:5432/postgres',
    });
    expect(databaseUrlFor('postgresql://konsey:secret@db.example:5432/postgres', 'elections')).toBe(
      'postgresql://konsey:secret@db.example:5432/konsey_elections',
    );
  });

  it('when the local server lets postgres in, then it is used; KONSEY_DATABASE=embedded overrides that', async () => {
    expect(await choosePostgres({})).toMatchObject({ kind: 'local' });
    expect(await choosePostgres({ KONSEY_DATABASE: 'embedded' })).toEqual({ kind: 'embedded' });
  });
});

describe('choosing Redis', () => {
  it('when REDIS_URL is given, then it is used as it is', async () => {
    expect(await chooseRedis({ REDIS_URL: 'redis://cache:6380' }, '/tmp')).toEqual({
      kind: 'given',
      url: 'redis://cache:6380',
    });
  });

  it('when nothing listens and redis-server is not on the PATH, then it stops saying what to install', async () => {
    const error = await chooseRedis({ PATH: '/nonexistent' }, '/tmp', await freePort()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RedisMissingError);
    expect((error as Error).message).toMatch(/apt-get install redis-server/);
    expect((error as Error).message).toMatch(/REDIS_URL=/);
  });

  it('when nothing listens but redis-server is on the PATH, then it starts one with its data in the data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'konsey-launcher-'));
    const choice = await chooseRedis({ PATH: process.env.PATH }, dataDir, await freePort());
    try {
      expect(choice.kind).toBe('spawned');
      const { Redis } = await import('ioredis');
      const client = new Redis(choice.url);
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'dir')).toEqual(['dir', dataDir]);
      client.disconnect();
    } finally {
      if (choice.kind === 'spawned') choice.process.kill('SIGTERM');
    }
  });
});
