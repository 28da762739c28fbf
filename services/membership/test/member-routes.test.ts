import type { Role } from '@konsey/contracts';
import { startMembership } from './start-membership.js';

describe('membership members API', () => {
  let membership: Awaited<ReturnType<typeof startMembership>>;
  beforeAll(async () => {
    membership = await startMembership('membership_routes');
  });
  afterAll(() => membership.stop());

  const token = (sub: string, roles: Role[]) => membership.token(sub, roles);
  const call = (...args: Parameters<typeof membership.call>) => membership.call(...args);
  const outbox = () => membership.outbox();
  const admit = async (displayName = 'Ayşe Yılmaz') =>
    (
      await call('POST', '/v1/members', {
        token: await token('staff-1', ['staff']),
        body: { kind: 'individual', displayName, gender: 'female' },
      })
    ).body;

  it('when staff admit an institution, then the member, an audit entry, the admitted event and its representatives are written together', async () => {
    const before = (await outbox()).length;
    const response = await call('POST', '/v1/members', {
      token: await token('staff-1', ['staff']),
      body: {
        kind: 'institutional',
        displayName: 'İzmir Tabip Odası',
        representatives: [
          { seat: 'full', displayName: 'Hakan Öztürk', gender: 'male', email: 'hakan@example.org' },
          { seat: 'substitute', displayName: 'Nur Çelik', gender: 'female' },
        ],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'institutional',
      displayName: 'İzmir Tabip Odası',
      status: 'active',
      gender: 'male',
    });
    expect(JSON.stringify(response.body)).not.toContain('hakan@example.org');
    expect(Object.keys(response.body).sort()).toEqual([
      'admittedAt',
      'displayName',
      'gender',
      'id',
      'kind',
      'status',
      'statusReason',
    ]);
    const events = (await outbox()).slice(before);
    // The admission, then the institution's representatives, which elections needs for the roll.
    expect(events.map((event) => event.type)).toEqual([
      'membership.member.admitted',
      'membership.representative.changed',
      'membership.representative.changed',
    ]);
    expect(events[0]).toMatchObject({
      type: 'membership.member.admitted',
      envelope: { data: { memberId: response.body.id } },
    });
    expect(events.slice(1).map((event) => event.envelope.data)).toEqual([
      expect.objectContaining({
        memberId: response.body.id,
        seat: 'full',
        displayName: 'Hakan Öztürk',
        gender: 'male',
      }),
      expect.objectContaining({ memberId: response.body.id, seat: 'substitute', displayName: 'Nur Çelik' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('hakan@example.org');
    const audit = await membership.prisma.auditEntry.findMany({ where: { subjectId: response.body.id } });
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
    expect(
      (await call('POST', '/v1/members', { body, token: await token('m-1', ['member']) })).body.code,
    ).toBe('forbidden');
    expect((await outbox()).length).toBe(before);
  });

  it('when a member reads a record, then only their own; staff read any; unknown and malformed ids are 404 and 400', async () => {
    const member = await admit('Elif Demir');
    expect(
      (await call('GET', `/v1/members/${member.id}`, { token: await token(member.id, ['member']) })).status,
    ).toBe(200);
    expect(
      (await call('GET', `/v1/members/${member.id}`, { token: await token('someone-else', ['member']) }))
        .status,
    ).toBe(403);
    expect(
      (await call('GET', `/v1/members/${member.id}`, { token: await token('staff-1', ['staff']) })).body
        .displayName,
    ).toBe('Elif Demir');
    expect(
      (
        await call('GET', '/v1/members/00000000-0000-4000-8000-000000000000', {
          token: await token('staff-1', ['staff']),
        })
      ).body.code,
    ).toBe('not-found');
    const malformed = await call('GET', '/v1/members/not-a-uuid', {
      token: await token('staff-1', ['staff']),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('params.memberId');
  });

  it('when a member is suspended, then a reason is required, one event is written, and a repeat changes nothing', async () => {
    const member = await admit('Can Aydın');
    const staff = await token('staff-1', ['staff']);
    const before = (await outbox()).length;
    const noReason = await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'suspended' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');
    const suspended = await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'suspended', reason: 'Aidat borcu' },
    });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Aidat borcu' });
    await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'suspended', reason: 'Aidat borcu' },
    });
    const events = (await outbox()).slice(before);
    expect(events.map((event) => event.type)).toEqual(['membership.member.status-changed']);
    expect(events[0]!.envelope.data).toMatchObject({
      memberId: member.id,
      status: 'suspended',
      reason: 'Aidat borcu',
    });
  });

  it('when a membership is terminated, then it cannot change again (409, in Turkish by default, English on request)', async () => {
    const member = await admit('Deniz Arslan');
    const staff = await token('staff-1', ['staff']);
    await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'terminated', reason: 'Kendi isteğiyle ayrıldı' },
    });
    const again = await call('PUT', `/v1/members/${member.id}/status`, {
      token: staff,
      body: { status: 'active' },
    });
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
    const response = await fetch(`${membership.service.url}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
      expect(key).not.toHaveProperty('d');
    }
  });
});
