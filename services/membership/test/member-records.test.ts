import { randomUUID } from 'node:crypto';
import { createEnvelope } from '@konsey/contracts';
import { handleDelivery } from '@konsey/service-kit';
import type { Prisma } from '../src/generated/prisma/client.js';
import { onResultCertified } from '../src/events/on-result-certified.js';
import { startMembership, type Json } from './start-membership.js';

describe('membership records: bodies, offices, representatives, lists, data protection', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let staff: string;
  beforeAll(async () => {
    m = await startMembership('membership_records');
    staff = await m.token('staff-1', ['staff']);
  });
  afterAll(() => m.stop());

  const admitIndividual = async (
    displayName: string,
    gender: 'female' | 'male' = 'female',
    bodyIds?: string[],
  ) =>
    (
      await m.call('POST', '/v1/members', {
        token: staff,
        body: { kind: 'individual', displayName, gender, ...(bodyIds ? { bodyIds } : {}) },
      })
    ).body;
  const admitInstitution = async (displayName: string) =>
    (
      await m.call('POST', '/v1/members', {
        token: staff,
        body: {
          kind: 'institutional',
          displayName,
          representatives: [{ seat: 'full', displayName: 'Eski Temsilci', gender: 'male' }],
        },
      })
    ).body;
  const createBody = async (kind: string, name: string) =>
    (await m.call('POST', '/v1/bodies', { token: staff, body: { kind, name } })).body;
  const eventsSince = async (count: number) => (await m.outbox()).slice(count);

  it('when staff create bodies and members join and leave them, then each change is recorded once and announced', async () => {
    const women = await createBody('assembly', 'Kadın Meclisi');
    expect(women).toMatchObject({ kind: 'assembly', name: 'Kadın Meclisi', archivedAt: null });
    expect(
      (
        await m.call('POST', '/v1/bodies', {
          token: staff,
          body: { kind: 'assembly', name: 'Kadın Meclisi' },
        })
      ).body.code,
    ).toBe('body-exists');
    await createBody('general-assembly', 'Genel Kurul');
    expect(
      (
        await m.call('POST', '/v1/bodies', {
          token: staff,
          body: { kind: 'general-assembly', name: 'İkinci Genel Kurul' },
        })
      ).status,
    ).toBe(409);

    const before = (await m.outbox()).length;
    const member = await admitIndividual('Fatma Kılıç', 'female', [women.id]);
    const events = await eventsSince(before);
    expect(events.map((event) => event.type)).toEqual([
      'membership.member.admitted',
      'membership.body-membership.changed',
    ]);
    expect(events[0]!.envelope.data.bodies).toEqual([{ bodyId: women.id, kind: 'assembly' }]);

    const members = await m.call('GET', `/v1/bodies/${women.id}/members`, { token: staff });
    expect(members.body).toEqual([expect.objectContaining({ id: member.id, displayName: 'Fatma Kılıç' })]);
    expect(
      (await m.call('PUT', `/v1/bodies/${women.id}/members/${member.id}`, { token: staff })).status,
    ).toBe(204);
    expect((await eventsSince(before)).length).toBe(2);
    expect(
      (await m.call('DELETE', `/v1/bodies/${women.id}/members/${member.id}`, { token: staff })).status,
    ).toBe(204);
    expect((await m.call('GET', `/v1/bodies/${women.id}/members`, { token: staff })).body).toEqual([]);
    const unknown = await m.call('PUT', `/v1/bodies/${randomUUID()}/members/${member.id}`, { token: staff });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('params.bodyId');
    const unknownAtAdmission = await m.call('POST', '/v1/members', {
      token: staff,
      body: { kind: 'individual', displayName: 'Kimse', gender: 'male', bodyIds: [randomUUID()] },
    });
    expect(unknownAtAdmission.body.code).toBe('unknown-body');
    expect((await m.call('GET', '/v1/members?q=Kimse', { token: staff })).body.total).toBe(0);
  });

  it('when office history is imported with a bad row, then every problem is reported and nothing is imported; a clean file imports all', async () => {
    const board = await createBody('executive-board', 'Yürütme Kurulu');
    const member = await admitIndividual('Leyla Şen');
    const header = 'member_id,body_id,office,seat,period_start,term,from,to,ended_on,end_reason';
    const good = `${member.id},${board.id},executive-board,full,2019,1,2019-04-01,2021-04-01,,`;
    const bad = [
      header,
      good,
      `${member.id},${board.id},chairman,full,2019,3,2021-04-01,,,`,
      `${member.id},${board.id},executive-board,full,2019,2,2021-04-01,2020-01-01,,`,
      `${randomUUID()},${board.id},executive-board,substitute,2019,2,2021-04-01,2024-04-01,2022-01-01,`,
    ].join('\n');
    const rejected = await m.call('POST', '/v1/offices/import', { token: staff, csv: bad });
    expect(rejected.status).toBe(422);
    expect(rejected.body.code).toBe('import-rejected');
    const fields = (rejected.body.errors as Json[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['line 3: office', 'line 3: term', 'line 4: to', 'line 5: end_reason']),
    );
    expect(await m.prisma.officeRecord.count()).toBe(0);

    const unknownMember = [
      header,
      good,
      `${randomUUID()},${board.id},executive-board,full,2019,2,2021-04-01,2024-04-01,,`,
    ].join('\n');
    const refused = await m.call('POST', '/v1/offices/import', { token: staff, csv: unknownMember });
    expect((refused.body.errors as Json[]).map((error) => error.field)).toEqual(['line 3: member_id']);
    expect(await m.prisma.officeRecord.count()).toBe(0);

    const before = (await m.outbox()).length;
    const clean = [
      header,
      good,
      `${member.id},${board.id},executive-board,full,2019,2,2021-04-01,2024-04-01,2024-04-01,term-completed`,
    ].join('\n');
    expect((await m.call('POST', '/v1/offices/import', { token: staff, csv: clean })).body).toEqual({
      imported: 2,
    });
    expect((await eventsSince(before)).map((event) => event.type)).toEqual([
      'membership.office.assumed',
      'membership.office.assumed',
      'membership.office.ended',
    ]);
    const offices = await m.call('GET', `/v1/members/${member.id}/offices`, {
      token: await m.token(member.id, ['member']),
    });
    expect(offices.body.map((office: Json) => [office.from, office.to, office.source])).toEqual([
      ['2019-04-01', '2021-04-01', 'import'],
      ['2021-04-01', '2024-04-01', 'import'],
    ]);
    expect((await m.call('POST', '/v1/offices/import', { token: staff, body: { csv: clean } })).status).toBe(
      415,
    );
  });

  it('when a certified result arrives (even twice), then the offices are recorded once and announced', async () => {
    const board = (await m.prisma.body.findFirst({ where: { kind: 'executive-board' } }))!;
    const [a, b] = [await admitIndividual('Aylin Er'), await admitIndividual('Burak Tan', 'male')];
    const certified = createEnvelope({
      type: 'elections.result.certified',
      data: {
        electionId: randomUUID(),
        office: 'executive-board',
        bodyId: board.id,
        periodStart: 2024,
        term: 2,
        termStart: '2026-04-01',
        termEnd: '2029-04-01',
        certifiedAt: new Date().toISOString(),
        elected: [
          { memberId: a.id, seat: 'full', rank: 1 },
          { memberId: b.id, seat: 'substitute', rank: 1 },
        ],
      },
    });
    const deliver = () =>
      handleDelivery<Prisma.TransactionClient>(
        {
          transaction: (work) => m.prisma.$transaction(work),
          handlers: { 'elections.result.certified': onResultCertified },
        },
        JSON.parse(JSON.stringify(certified)),
      );
    const before = (await m.outbox()).length;
    expect(await deliver()).toBe('handled');
    expect(await deliver()).toBe('duplicate');
    expect(
      await m.prisma.officeRecord.count({
        where: { electionId: certified.data && (certified.data as Json).electionId },
      }),
    ).toBe(2);
    expect((await eventsSince(before)).map((event) => event.envelope.data.seat)).toEqual([
      'full',
      'substitute',
    ]);
  });

  it('when an institution changes its representative, then the notice window decides from when it counts', async () => {
    const institution = await admitInstitution('Ege Mimarlar Odası');
    const today = new Date(Date.now() + 3 * 3600_000);
    const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const farAway = await admitInstitution('Kent Gönüllüleri Vakfı');
    await m.call('POST', '/v1/general-assemblies', {
      token: staff,
      body: { heldOn: inDays(10), title: 'Olağanüstü Genel Kurul' },
    });
    const onTime = await m.call('PUT', `/v1/members/${farAway.id}/representatives/substitute`, {
      token: staff,
      body: { displayName: 'Yedek Kişi', gender: 'male' },
    });
    expect(onTime.body).toEqual({ effectiveFrom: inDays(0) });

    expect(
      (
        await m.call('POST', '/v1/general-assemblies', {
          token: staff,
          body: { heldOn: inDays(3), title: 'Olağan Genel Kurul' },
        })
      ).status,
    ).toBe(201);
    const late = await m.call('PUT', `/v1/members/${institution.id}/representatives/full`, {
      token: staff,
      body: { displayName: 'Yeni Temsilci', gender: 'female', email: 'yeni@example.org' },
    });
    expect(late.body).toEqual({ effectiveFrom: inDays(4), deferredPast: inDays(3) });

    const before = (await m.outbox()).length;
    await m.call('PUT', `/v1/members/${institution.id}/representatives/full`, {
      token: staff,
      body: { displayName: 'Yeni Temsilci', gender: 'female' },
    });
    const [changed] = await eventsSince(before);
    expect(changed!.envelope.data).toMatchObject({
      seat: 'full',
      gender: 'female',
      effectiveFrom: inDays(4),
    });
    const individual = await admitIndividual('Tek Kişi');
    expect(
      (
        await m.call('PUT', `/v1/members/${individual.id}/representatives/full`, {
          token: staff,
          body: { displayName: 'X Y', gender: 'male' },
        })
      ).body.code,
    ).toBe('not-institutional');
    const badPhone = await m.call('PUT', `/v1/members/${farAway.id}/representatives/full`, {
      token: staff,
      body: { displayName: 'Ali Veli', gender: 'male', phone: 'call me' },
    });
    expect(badPhone.body.errors[0].field).toBe('body.phone');
  });

  it('lists members with filters, search and pages', async () => {
    const page1 = await m.call('GET', '/v1/members?kind=individual&pageSize=2&page=1', { token: staff });
    const page2 = await m.call('GET', '/v1/members?kind=individual&pageSize=2&page=2', { token: staff });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBe(page2.body.total);
    expect(page1.body.items[0].id).not.toBe(page2.body.items[0]?.id);
    const search = await m.call('GET', '/v1/members?q=leyla', { token: staff });
    expect(search.body.items.map((item: Json) => item.displayName)).toEqual(['Leyla Şen']);
    const women = await m.call('GET', '/v1/members?gender=female&kind=institutional', { token: staff });
    expect(women.body.items.map((item: Json) => item.displayName)).toEqual(['Ege Mimarlar Odası']);
    expect((await m.call('GET', '/v1/members?pageSize=1000', { token: staff })).body.errors[0].field).toBe(
      'query.pageSize',
    );
    expect((await m.call('GET', '/v1/members', { token: await m.token('x', ['member']) })).status).toBe(403);
  });

  it('when a member exports and then erases their data, then the export holds it all and the erasure keeps only pseudonymised records', async () => {
    const institution = await admitInstitution('Silinecek Derneği');
    await m.call('PUT', `/v1/members/${institution.id}/representatives/full`, {
      token: staff,
      body: {
        displayName: 'Gizli Kişi',
        gender: 'female',
        email: 'gizli@example.org',
        phone: '+90 232 111 22 33',
      },
    });
    const own = await m.token(institution.id, ['member']);
    const account = await m.call('POST', '/v1/accounts', {
      token: await m.token('operator-1', ['operator', 'staff']),
      body: { kind: 'member', memberId: institution.id, email: 'dernek@example.org' },
    });
    expect(account.status).toBe(201);
    const exported = await m.call('GET', `/v1/members/${institution.id}/export`, { token: own });
    expect(exported.body.member.displayName).toBe('Silinecek Derneği');
    expect(exported.body.representatives.map((r: Json) => r.email)).toContain('gizli@example.org');
    expect(exported.body.account).toMatchObject({ email: 'dernek@example.org' });
    expect(
      (
        await m.call('GET', `/v1/members/${institution.id}/export`, {
          token: await m.token('other', ['member']),
        })
      ).status,
    ).toBe(403);

    const before = (await m.outbox()).length;
    const erased = await m.call('POST', `/v1/members/${institution.id}/erasure`, {
      token: staff,
      body: { reason: 'Üyenin yazılı talebi' },
    });
    expect(erased.status).toBe(200);
    const after = await m.call('GET', `/v1/members/${institution.id}/export`, { token: own });
    const text = JSON.stringify(after.body);
    for (const secret of [
      'Silinecek',
      'Gizli Kişi',
      'gizli@example.org',
      '111 22 33',
      'dernek@example.org',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(await m.prisma.account.findUnique({ where: { memberId: institution.id } })).toMatchObject({
      passwordHash: null,
      disabledAt: expect.any(Date),
    });
    expect(after.body.member).toMatchObject({ status: 'terminated' });
    expect((await eventsSince(before)).map((event) => event.type)).toEqual([
      'membership.contact.changed',
      'membership.contact.changed',
      'membership.member.updated',
      'membership.member.status-changed',
    ]);
    expect((await eventsSince(before))[0]!.envelope.data).toMatchObject({
      subjectKind: 'member',
      email: null,
      phone: null,
    });
    const audit = JSON.stringify(
      (await m.prisma.auditEntry.findMany({ where: { subjectId: institution.id } })).map(
        (entry) => entry.details,
      ),
    );
    expect(audit).not.toContain('gizli@example.org');
    expect(
      (
        await m.call('POST', `/v1/members/${institution.id}/erasure`, {
          token: staff,
          body: { reason: 'again' },
        })
      ).status,
    ).toBe(200);
    expect((await eventsSince(before)).length).toBe(4);
  });

  it('when a member renames themselves, then an update event follows; an institution cannot set its own gender', async () => {
    const member = await admitIndividual('Eski Ad');
    const renamed = await m.call('PATCH', `/v1/members/${member.id}`, {
      token: await m.token(member.id, ['member']),
      body: { displayName: 'Yeni Ad' },
    });
    expect(renamed.body.displayName).toBe('Yeni Ad');
    const institution = await admitInstitution('Cinsiyetsiz Kurum');
    const refused = await m.call('PATCH', `/v1/members/${institution.id}`, {
      token: staff,
      body: { gender: 'female' },
    });
    expect(refused.body.errors[0].field).toBe('body.gender');
    expect((await m.call('PATCH', `/v1/members/${member.id}`, { token: staff, body: {} })).status).toBe(400);
  });
});
