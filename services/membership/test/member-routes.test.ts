import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, runService, signToken, type RunningService, type SigningKey } from '@konsey/service-kit';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import type { Role } from '@konsey/contracts';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { membershipService, signingKeyPath } from '../src/membership-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Problem = Record<string, any>;

describe('membership members API', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: RunningService<PrismaClient>;
  let key: SigningKey;

  beforeAll(async () => {
    database = await createTestDatabase('membership_routes');
    const dataDir = await mkdtemp(join(tmpdir(), 'konsey-membership-'));
    service = await runService({
      ...membershipService(),
      env: {
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: testRedisPrefix('membership_routes'),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        // The API alone: events stay in the outbox, where this test reads them.
        KONSEY_PROCESS: 'api',
      },
    });
    key = await loadOrCreateSigningKey(signingKeyPath({ DATA_DIR: dataDir }));
  });
  afterAll(async () => {
    await service.stop();
    await database.drop();
  });

  const token = (sub: string, roles: Role[]) => signToken(key, { sub, roles });
  const call = async (method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json().catch(() => undefined)) as Problem };
  };
  const outbox = async () =>
    service.prisma.$queryRawUnsafe<{ type: string; envelope: { data: Record<string, unknown> } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );
  const admit = async (displayName = 'Ayşe Yılmaz') =>
    (await call('POST', '/v1/members', { token: await token('staff-1', ['staff']), body: { kind: 'individual', displayName, gender: 'female' } })).body;

  it('when staff admit a member, then the member, an audit entry and one admitted event are written together', async () => {
    const before = (await outbox()).length;
    const response = await call('POST', '/v1/members', {
      token: await token('staff-1', ['staff']),
      body: { kind: 'institutional', displayName: 'İzmir Tabip Odası', gender: 'male' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ kind: 'institutional', displayName: 'İzmir Tabip Odası', status: 'active' });
    expect(Object.keys(response.body).sort()).toEqual(['admittedAt', 'displayName', 'gender', 'id', 'kind', 'status', 'statusReason']);
    const events = (await outbox()).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'membership.member.admitted', envelope: { data: { memberId: response.body.id } } });
    const audit = await service.prisma.auditEntry.findMany({ where: { subjectId: response.body.id } });
    expect(audit).toEqual([expect.objectContaining({ actor: 'staff-1', action: 'member.admitted' })]);
  });

  it('when the body is invalid, then a 400 problem names each field and nothing is written', async () => {
    const before = (await outbox()).length;
    const response = await call('POST', '/v1/members', {
      token: await token('staff-1', ['staff']),
      body: { kind: 'person', displayName: 'A', gender: 'female', tcKimlikNo: '12345678901' },
    });
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(response.body.code).toBe('validation-failed');
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.kind', 'body.displayName']));
    expect(JSON.stringify(response.body)).toContain('tcKimlikNo');
    expect((await outbox()).length).toBe(before);
  });

  it('when the caller has no token or the wrong role, then 401 or 403 and nothing is written', async () => {
    const before = (await outbox()).length;
    const body = { kind: 'individual', displayName: 'Mehmet Kaya', gender: 'male' };
    expect((await call('POST', '/v1/members', { body })).status).toBe(401);
    expect((await call('POST', '/v1/members', { body, token: await token('m-1', ['member']) })).body.code).toBe('forbidden');
    expect((await outbox()).length).toBe(before);
  });

  it('when a member reads a record, then only their own; staff read any; unknown and malformed ids are 404 and 400', async () => {
    const member = await admit('Elif Demir');
    expect((await call('GET', `/v1/members/${member.id}`, { token: await token(member.id, ['member']) })).status).toBe(200);
    expect((await call('GET', `/v1/members/${member.id}`, { token: await token('someone-else', ['member']) })).status).toBe(403);
    expect((await call('GET', `/v1/members/${member.id}`, { token: await token('staff-1', ['staff']) })).body.displayName).toBe('Elif Demir');
    expect((await call('GET', '/v1/members/00000000-0000-4000-8000-000000000000', { token: await token('staff-1', ['staff']) })).body.code).toBe(
      'not-found',
    );
    const malformed = await call('GET', '/v1/members/not-a-uuid', { token: await token('staff-1', ['staff']) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('params.memberId');
  });

  it('when a member is suspended, then a reason is required, one event is written, and a repeat changes nothing', async () => {
    const member = await admit('Can Aydın');
    const staff = await token('staff-1', ['staff']);
    const before = (await outbox()).length;
    const noReason = await call('PUT', `/v1/members/${member.id}/status`, { token: staff, body: { status: 'suspended' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');
    const suspended = await call('PUT', `/v1/members/${member.id}/status`, { token: staff, body: { status: 'suspended', reason: 'Aidat borcu' } });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Aidat borcu' });
    await call('PUT', `/v1/members/${member.id}/status`, { token: staff, body: { status: 'suspended', reason: 'Aidat borcu' } });
    const events = (await outbox()).slice(before);
    expect(events.map((event) => event.type)).toEqual(['membership.member.status-changed']);
    expect(events[0]!.envelope.data).toMatchObject({ memberId: member.id, status: 'suspended', reason: 'Aidat borcu' });
  });

  it('when a membership is terminated, then it cannot change again (409, in Turkish by default, English on request)', async () => {
    const member = await admit('Deniz Arslan');
    const staff = await token('staff-1', ['staff']);
    await call('PUT', `/v1/members/${member.id}/status`, { token: staff, body: { status: 'terminated', reason: 'Kendi isteğiyle ayrıldı' } });
    const again = await call('PUT', `/v1/members/${member.id}/status`, { token: staff, body: { status: 'active' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'member-terminated' });
    expect(again.body.title).toMatch(/sona ermiş/);
    const english = await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'active' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.title).toMatch(/terminated membership/);
  });

  it('publishes its signing key as a JWKS without the private part', async () => {
    const response = await fetch(`${service.url}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
