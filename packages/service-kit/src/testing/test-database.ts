import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../database/ensure-database.js';

/** The PostgreSQL server tests use (the machine's own, started by .ci/run when it is down). */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A fresh database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/konsey_test_${label.replace(/\W/g, '_')}_${uniqueSuffix()}`;
  await ensureDatabase(url.toString());
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}

/** A Redis key prefix of its own, so test runs cannot see each other's queues. */
export function testRedisPrefix(label: string): string {
  return `konsey_test_${label.replace(/\W/g, '_')}_${uniqueSuffix()}`;
}
