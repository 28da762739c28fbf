import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnvelope, type Envelope, type Role } from '@konsey/contracts';
import { handleDelivery, runService } from '@konsey/service-kit';
import {
  createTestDatabase,
  startTestTokenIssuer,
  testRedisPrefix,
  TEST_REDIS_URL,
} from '@konsey/service-kit/testing';
import { motionsService } from '../src/motions-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * Motions' API on a fresh database of its own (KONSEY_PROCESS=api, so messages stay in the outbox where
 * tests read them), a token issuer standing in for membership, and a stand-in for elections that answers
 * the `elections.poll.open` command in the outbox with an `elections.poll.decided` event.
 */
export async function startMotions(label: string, env: Record<string, string> = {}) {
  let today = '2027-01-01';
  const database = await createTestDatabase(label);
  const dataDir = await mkdtemp(join(tmpdir(), 'konsey-motions-'));
  const issuer = await startTestTokenIssuer();
  const options = motionsService({ today: () => today });
  const service = await runService({
    ...options,
    env: {
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix(label),
      DATA_DIR: dataDir,
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'silent',
      KONSEY_PROCESS: 'api',
      ...env,
    },
  });
  const deps = {
    config: service.config,
    logger: service.logger,
    prisma: service.prisma,
    pool: undefined as never,
    redis: undefined as never,
  };
  const handlers = options.handlers!(deps);
  const transaction = <R>(
    work: (tx: Parameters<Parameters<typeof service.prisma.$transaction>[0]>[0]) => Promise<R>,
  ) => service.prisma.$transaction(work);

  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });

  const request = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: Buffer; contentType?: string } = {},
  ) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.contentType ? { 'content-type': options.contentType } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { body: new Uint8Array(options.raw) } : {}),
    });
    return response;
  };
  const call = async (...args: Parameters<typeof request>) => {
    const response = await request(...args);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json().catch(() => undefined)) as Json,
    };
  };

  const outbox = async () =>
    service.prisma.$queryRawUnsafe<{ type: string; envelope: Envelope & { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );

  /** Deliver a message to motions' inbox as the bus would. */
  const deliver = (envelope: Envelope) => handleDelivery({ transaction, handlers }, envelope);

  /** Elections' part: find the poll motions asked for and decide it with these counts. */
  const decidePoll = async (motionId: string, counts: { yes: number; no: number; abstain: number }) => {
    const command = (await outbox()).find(
      (row) => row.type === 'elections.poll.open' && row.envelope.data.subject.id === motionId,
    );
    if (!command) throw new Error(`no poll was opened for motion ${motionId}`);
    const present = counts.yes + counts.no + counts.abstain;
    const envelope = createEnvelope({
      type: 'elections.poll.decided',
      data: {
        pollId: command.envelope.data.pollId,
        subject: { kind: 'motion', id: motionId },
        ...counts,
        present,
        majority: command.envelope.data.majority,
        outcome: counts.yes > present / 2 ? 'adopted' : 'rejected',
        decidedAt: new Date().toISOString(),
      },
    });
    return { envelope, outcome: await deliver(envelope) };
  };

  const stop = async () => {
    await service.stop();
    await issuer.close();
    await database.drop();
  };
  const setToday = (value: string) => {
    today = value;
  };
  return {
    setToday,
    service,
    prisma: service.prisma,
    config: service.config,
    token,
    call,
    request,
    outbox,
    deliver,
    decidePoll,
    stop,
  };
}
