import { randomUUID } from 'node:crypto';
import { createEnvelope } from '@konsey/contracts';
import { handleDelivery, runService, type RunningService } from '@konsey/service-kit';
import {
  createTestDatabase,
  startTestTokenIssuer,
  testRedisPrefix,
  TEST_REDIS_URL,
  type TestTokenIssuer,
} from '@konsey/service-kit/testing';
import type { Prisma, PrismaClient } from '../src/generated/prisma/client.js';
import { electionsService } from '../src/elections-service.js';

describe('elections roster read model', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: RunningService<PrismaClient>;
  let issuer: TestTokenIssuer;
  const options = electionsService();

  beforeAll(async () => {
    database = await createTestDatabase('elections_roster');
    issuer = await startTestTokenIssuer();
    service = await runService({
      ...options,
      env: {
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: testRedisPrefix('elections_roster'),
        JWKS_URL: issuer.jwksUrl,
        LOG_LEVEL: 'silent',
        KONSEY_PROCESS: 'api',
      },
    });
  });
  afterAll(async () => {
    await service.stop();
    await issuer.close();
    await database.drop();
  });

  // What the inbox worker does with a job, without the queue: parse, dedupe, handle in one transaction.
  const deliver = (envelope: unknown) =>
    handleDelivery<Prisma.TransactionClient>(
      {
        transaction: (work) => service.prisma.$transaction(work),
        handlers: options.handlers!({
          config: {} as never,
          logger: service.logger,
          prisma: service.prisma,
          pool: {} as never,
          redis: {} as never,
        }),
      },
      JSON.parse(JSON.stringify(envelope)),
    );
  const admitted = (memberId: string, gender: 'female' | 'male' = 'female') =>
    createEnvelope({
      type: 'membership.member.admitted',
      data: {
        memberId,
        kind: 'individual',
        displayName: 'Selin Koç',
        gender,
        bodies: [],
        admittedAt: new Date().toISOString(),
      },
    });
  const statusChanged = (memberId: string, status: 'active' | 'suspended' | 'terminated') =>
    createEnvelope({
      type: 'membership.member.status-changed',
      data: { memberId, status, effectiveAt: new Date().toISOString() },
    });

  it('when a member is admitted, then they join the roster once, however often the event arrives', async () => {
    const memberId = randomUUID();
    const event = admitted(memberId);
    expect(await deliver(event)).toBe('handled');
    expect(await deliver(event)).toBe('duplicate');
    expect(await service.prisma.rosterMember.count({ where: { memberId } })).toBe(1);
  });

  it('when a status change arrives before the admission, then it fails (to be retried) and leaves no inbox record', async () => {
    const memberId = randomUUID();
    const suspension = statusChanged(memberId, 'suspended');
    await expect(deliver(suspension)).rejects.toThrow(/not on the roster yet/);
    expect(await service.prisma.inboxMessage.count({ where: { messageId: suspension.id } })).toBe(0);
    await deliver(admitted(memberId));
    expect(await deliver(suspension)).toBe('handled');
    expect(await service.prisma.rosterMember.findUnique({ where: { memberId } })).toMatchObject({
      status: 'suspended',
    });
  });

  it('when bodies, memberships, representatives and offices change, then the read model follows, whatever the order', async () => {
    const institution = randomUUID();
    const bodyId = randomUUID();
    const officeRecordId = randomUUID();
    const ended = createEnvelope({
      type: 'membership.office.ended',
      data: { officeRecordId, memberId: institution, endedOn: '2023-01-10', reason: 'term-completed' },
    });
    await expect(deliver(ended)).rejects.toThrow(/not on the roster yet/);
    await deliver(
      createEnvelope({
        type: 'membership.office.assumed',
        data: {
          officeRecordId,
          memberId: institution,
          office: 'executive-board',
          bodyId,
          seat: 'full',
          periodStart: 2019,
          term: 1,
          from: '2021-01-10',
          to: '2023-01-10',
        },
      }),
    );
    expect(await deliver(ended)).toBe('handled');
    expect(await service.prisma.rosterOffice.findUnique({ where: { officeRecordId } })).toMatchObject({
      endReason: 'term-completed',
    });

    await deliver(
      createEnvelope({
        type: 'membership.body.created',
        data: { bodyId, kind: 'assembly', name: 'Kadın Meclisi', createdAt: new Date().toISOString() },
      }),
    );
    const joined = createEnvelope({
      type: 'membership.body-membership.changed',
      data: { bodyId, memberId: institution, change: 'joined', on: '2024-02-01' },
    });
    await expect(deliver(joined)).rejects.toThrow(/not on the roster yet/);
    await deliver(
      createEnvelope({
        type: 'membership.member.admitted',
        data: {
          memberId: institution,
          kind: 'institutional',
          displayName: 'Ege Çevre Derneği',
          gender: 'male',
          bodies: [],
          admittedAt: new Date().toISOString(),
        },
      }),
    );
    await deliver(joined);
    await deliver(
      createEnvelope({
        type: 'membership.body-membership.changed',
        data: { bodyId, memberId: institution, change: 'left', on: '2025-03-01' },
      }),
    );
    expect(await service.prisma.rosterBodyMembership.findMany({ where: { memberId: institution } })).toEqual([
      expect.objectContaining({ bodyId, leftOn: new Date('2025-03-01T00:00:00.000Z') }),
    ]);

    await deliver(
      createEnvelope({
        type: 'membership.representative.changed',
        data: {
          memberId: institution,
          seat: 'substitute',
          displayName: 'Yedek Temsilci',
          gender: 'male',
          effectiveFrom: '2025-01-01',
        },
      }),
    );
    await deliver(
      createEnvelope({
        type: 'membership.representative.changed',
        data: {
          memberId: institution,
          seat: 'full',
          displayName: 'Gül Aksoy',
          gender: 'female',
          effectiveFrom: '2025-01-01',
        },
      }),
    );
    expect(await service.prisma.rosterMember.findUnique({ where: { memberId: institution } })).toMatchObject({
      gender: 'female',
      representativeName: 'Gül Aksoy',
    });
    await service.prisma.rosterMember.delete({ where: { memberId: institution } });
  });

  it('summarises the roster by status and gender for the election committee only', async () => {
    const committee = await issuer.mint({ sub: 'c-1', roles: ['election-committee'] });
    const member = await issuer.mint({ sub: 'm-1', roles: ['member'] });
    const response = await fetch(`${service.url}/v1/roster/summary`, {
      headers: { authorization: `Bearer ${committee}` },
    });
    const summary = (await response.json()) as {
      total: number;
      groups: { status: string; gender: string; count: number }[];
    };
    expect(summary.total).toBe(2);
    expect(summary.groups).toEqual(
      expect.arrayContaining([
        { status: 'active', gender: 'female', count: 1 },
        { status: 'suspended', gender: 'female', count: 1 },
      ]),
    );
    expect(
      (await fetch(`${service.url}/v1/roster/summary`, { headers: { authorization: `Bearer ${member}` } }))
        .status,
    ).toBe(403);
  });
});
