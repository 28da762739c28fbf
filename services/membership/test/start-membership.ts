import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@konsey/contracts';
import { runService } from '@konsey/service-kit';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import { keyringFor } from '../src/auth/index.js';
import { membershipService } from '../src/membership-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * Membership's API on a fresh database of its own (KONSEY_PROCESS=api, so events stay in the outbox
 * where tests read them), with helpers to sign tokens and call it.
 */
export async function startMembership(label: string, env: Record<string, string> = {}) {
  const database = await createTestDatabase(label);
  const dataDir = await mkdtemp(join(tmpdir(), 'konsey-membership-'));
  const service = await runService({
    ...membershipService(),
    env: {
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix(label),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KONSEY_PROCESS: 'api',
      ...env,
    },
  });
  const keyring = keyringFor(service);
  const token = (sub: string, roles: Role[]) => keyring.sign({ sub, roles });

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; csv?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.csv !== undefined ? { body: options.csv } : {}),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json().catch(() => undefined)) as Json,
    };
  };

  const outbox = async () =>
    service.prisma.$queryRawUnsafe<{ type: string; envelope: { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );

  const stop = async () => {
    await service.stop();
    await database.drop();
  };
  return { service, prisma: service.prisma, keyring, token, call, outbox, stop };
}
