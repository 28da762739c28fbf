import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runService } from '@konsey/service-kit';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import type { Role } from '@konsey/contracts';
import { membershipService } from '../src/membership-service.js';
import { keyringFor } from '../src/auth/index.js';
import { tcKimlikCheckDigits } from '../src/applications/domain/tc-kimlik-no.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const MAX_BYTES = 8192;

/** A valid TC Kimlik No from a nine-digit seed, different for each seed. */
function tcKimlik(seed: number): string {
  const nine = String(100_000_000 + (seed % 900_000_000))
    .split('')
    .map(Number);
  return [...nine, ...tcKimlikCheckDigits(nine)].join('');
}

const pdf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label} ${randomUUID()}\n%%EOF\n`);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(randomUUID())]);

const startMembershipApi = (env: Record<string, string>) => runService({ ...membershipService(), env });

describe('membership applications API', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Awaited<ReturnType<typeof startMembershipApi>>;
  let dataDir: string;
  /** Every TC Kimlik No the tests send, and every response text they receive. */
  const tcNumbersSent = new Set<string>();
  const responseTexts: string[] = [];
  let assembly: string;
  let workingGroup: string;

  beforeAll(async () => {
    database = await createTestDatabase('membership_applications');
    dataDir = await mkdtemp(join(tmpdir(), 'konsey-applications-'));
    service = await startMembershipApi({
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix('membership_applications'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // The API alone: events stay in the outbox, where this test reads them.
      KONSEY_PROCESS: 'api',
      DOCUMENT_MAX_BYTES: String(MAX_BYTES),
    });
    assembly = randomUUID();
    workingGroup = randomUUID();
    await service.prisma.body.create({ data: { id: assembly, kind: 'assembly', name: 'Kadın Meclisi' } });
    await service.prisma.body.create({
      data: { id: workingGroup, kind: 'working-group', name: 'Ulaşım Çalışma Grubu' },
    });
  });
  afterAll(async () => {
    await service.stop();
    await database.drop();
  });

  const token = (sub: string, roles: Role[]) => keyringFor(service).sign({ sub, roles });
  const board = () => token('board-1', ['executive-board']);
  const committee = () => token('committee-1', ['evaluation-committee']);
  const staff = () => token('staff-1', ['staff']);

  const call = async (
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      raw?: Buffer;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.contentType ? { 'content-type': options.contentType } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.raw ? { body: options.raw } : {}),
    });
    const text = await response.text();
    responseTexts.push(text);
    let body: Json | undefined;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      body = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      type: response.headers.get('content-type'),
      text,
      body: body as Json,
    };
  };

  const upload = async (content: Buffer, contentType = 'application/pdf') =>
    call('POST', '/v1/application-documents', { raw: content, contentType });

  const outbox = async () =>
    service.prisma.$queryRawUnsafe<{ type: string; envelope: { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );
  const counts = async () => ({
    applications: await service.prisma.membershipApplication.count(),
    documents: await service.prisma.applicationDocument.count(),
    members: await service.prisma.member.count(),
    outbox: (await outbox()).length,
    idempotency: await service.prisma.applicationIdempotencyKey.count(),
  });
  const eventsAbout = async (id: string) =>
    (await outbox())
      .filter((event) => Object.values(event.envelope.data).includes(id))
      .map((event) => event.type);

  let seed = 1;
  const individual = (overrides: Json = {}) => {
    seed += 1;
    const tc = tcKimlik(seed * 7919);
    tcNumbersSent.add(tc);
    return {
      fullName: 'Ayşe Yılmaz',
      gender: 'female',
      birthYear: 1988,
      district: 'Karşıyaka',
      contact: { email: `ayse.${seed}@example.org`, phone: '+90 532 000 00 00' },
      tcKimlikNo: tc,
      bodyIds: [assembly, workingGroup],
      consent: { kvkkTextVersion: 'kvkk-2026-01', accepted: true },
      ...overrides,
    };
  };

  const institutional = async (overrides: Json = {}, organisation: Json = {}) => {
    seed += 1;
    const decision = (await upload(pdf('board decision'))).body.documentId as string;
    const fullLetter = (await upload(pdf('appointment full'))).body.documentId as string;
    const substituteLetter = (await upload(png(), 'image/png')).body.documentId as string;
    return {
      organisation: {
        name: `Kent Gönüllüleri Derneği ${seed}`,
        kind: 'association',
        derbisNumber: `35-${String(seed).padStart(3, '0')}-158`,
        address: 'Alsancak Mah. 1462 Sok. No: 5, Konak, İzmir',
        phone: '+90 232 000 00 00',
        email: `dernek.${seed}@example.org`,
        website: 'https://example.org',
        fieldOfActivity: 'Kentsel dönüşüm ve mahalle dayanışması',
        memberCount: 120,
        ...organisation,
      },
      boardDecision: { date: '2026-10-01', number: '2026/14', documentId: decision },
      contact: { fullName: 'Mehmet Kaya', email: `iletisim.${seed}@example.org`, phone: '0232 000 00 01' },
      representatives: {
        full: {
          fullName: 'Zeynep Demir',
          gender: 'female',
          contact: { email: `zeynep.${seed}@example.org`, phone: '0532 000 00 02' },
          appointmentLetterDocumentId: fullLetter,
        },
        substitute: {
          fullName: 'Ali Çelik',
          gender: 'male',
          contact: { email: `ali.${seed}@example.org`, phone: '0532 000 00 03' },
          appointmentLetterDocumentId: substituteLetter,
        },
      },
      ...overrides,
    };
  };

  const decide = async (id: string, as: string, decision: Json) =>
    call('POST', `/v1/applications/${id}/decision`, {
      token: as,
      body: { decisionNumber: '2026/7', decidedOn: '2026-11-20', ...decision },
    });

  describe('documents', () => {
    it('when a PDF is uploaded, then it is kept once under its SHA-256, on disk and in the table', async () => {
      const content = pdf('first');
      const first = await upload(content);
      expect(first.status).toBe(201);
      const sha = createHash('sha256').update(content).digest('hex');
      expect(first.body).toEqual({
        documentId: sha,
        contentType: 'application/pdf',
        sizeBytes: content.length,
      });
      const again = await upload(content);
      expect(again.body.documentId).toBe(sha);
      expect(await service.prisma.applicationDocument.count({ where: { sha256: sha } })).toBe(1);
      expect(await readFile(join(dataDir, 'membership', 'documents', sha.slice(0, 2), sha))).toEqual(content);
    });

    it('when an upload is too large, of a type not allowed, or not what it claims, then 413/415 naming the part and nothing is kept', async () => {
      const before = await counts();
      const tooLarge = await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES)]));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.type).toContain('application/problem+json');
      expect(tooLarge.body).toMatchObject({ code: 'document-too-large', errors: [{ field: 'body' }] });

      const gif = await upload(Buffer.from('GIF89a....'), 'image/gif');
      expect(gif.status).toBe(415);
      expect(gif.body).toMatchObject({
        code: 'document-type-not-allowed',
        errors: [{ field: 'header.content-type' }],
      });

      const json = await call('POST', '/v1/application-documents', { body: { not: 'a document' } });
      expect(json.body.code).toBe('document-type-not-allowed');

      const disguised = await upload(Buffer.from('MZ\x90\x00 an executable, not a PDF'), 'application/pdf');
      expect(disguised.status).toBe(415);
      expect(disguised.body).toMatchObject({
        code: 'document-content-mismatch',
        errors: [{ field: 'body' }],
      });

      const pngAsJpeg = await upload(png(), 'image/jpeg');
      expect(pngAsJpeg.body.code).toBe('document-content-mismatch');

      const empty = await upload(Buffer.alloc(0));
      expect(empty.status).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });

  describe('individual applications', () => {
    it('when a resident applies and the evaluation committee approves, then the member joins the bodies and each event is written once', async () => {
      const before = (await outbox()).length;
      const submitted = await call('POST', '/v1/applications/individual', { body: individual() });
      expect(submitted.status).toBe(201);
      expect(Object.keys(submitted.body).sort()).toEqual([
        'accessToken',
        'id',
        'kind',
        'status',
        'submittedAt',
      ]);
      expect(submitted.body).toMatchObject({ kind: 'individual', status: 'submitted' });
      const id = submitted.body.id as string;
      expect(await eventsAbout(id)).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
      ]);

      const wrongRole = await decide(id, await board(), { outcome: 'approved' });
      expect(wrongRole.status).toBe(403);
      expect(wrongRole.body.code).toBe('decision-role-mismatch');
      const member = await call('POST', `/v1/applications/${id}/decision`, {
        token: await token('m-1', ['member']),
        body: { outcome: 'approved', decisionNumber: '1', decidedOn: '2026-11-20' },
      });
      expect(member.status).toBe(403);

      const approved = await decide(id, await committee(), { outcome: 'approved' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        decisions: [{ outcome: 'approved', decidedBy: 'committee-1', deciderRole: 'evaluation-committee' }],
      });
      const memberId = approved.body.memberId as string;
      const row = await service.prisma.member.findUnique({ where: { id: memberId } });
      expect(row).toMatchObject({
        kind: 'individual',
        displayName: 'Ayşe Yılmaz',
        gender: 'female',
        status: 'active',
      });
      expect(
        (await service.prisma.bodyMembership.findMany({ where: { memberId } })).map((m) => m.bodyId).sort(),
      ).toEqual([assembly, workingGroup].sort());

      const events = (await outbox()).slice(before);
      const types = events.map((event) => event.type);
      expect(types.filter((type) => type === 'membership.application.submitted')).toHaveLength(1);
      expect(types.filter((type) => type === 'membership.member.admitted')).toHaveLength(1);
      expect(types.filter((type) => type === 'membership.body-membership.changed')).toHaveLength(2);
      const contact = events.filter((event) => event.type === 'membership.contact.changed');
      expect(contact.map((event) => event.envelope.data.subjectKind)).toEqual(['applicant', 'member']);
      expect(contact[1]!.envelope.data).toMatchObject({ subjectKind: 'member', subjectId: memberId });
      const decided = events.filter((event) => event.type === 'membership.application.decided');
      expect(decided).toHaveLength(1);
      expect(decided[0]!.envelope.data).toEqual({
        applicationId: id,
        kind: 'individual',
        outcome: 'approved',
        decisionNumber: '2026/7',
        decidedOn: '2026-11-20',
        memberId,
      });

      const again = await decide(id, await committee(), { outcome: 'rejected', reason: 'Tekrar' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('application-not-pending');
      expect((await outbox()).length).toBe(before + events.length);
      const audit = await service.prisma.auditEntry.findMany({
        where: { subjectId: id },
        orderBy: { at: 'asc' },
      });
      expect(audit.map((entry) => entry.action)).toEqual(['application.submitted', 'application.decided']);
    });

    it('when the committee rejects, then no member is created, the event carries no member id, and the person may apply again', async () => {
      const body = individual();
      const submitted = await call('POST', '/v1/applications/individual', { body });
      const id = submitted.body.id as string;
      const members = await service.prisma.member.count();
      const noReason = await decide(id, await committee(), { outcome: 'rejected' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('body.reason');
      const rejected = await decide(id, await committee(), {
        outcome: 'rejected',
        reason: 'İlçe dışında ikamet',
      });
      expect(rejected.body).toMatchObject({ status: 'rejected', memberId: null });
      expect(await service.prisma.member.count()).toBe(members);
      const decided = (await outbox()).filter(
        (event) =>
          event.type === 'membership.application.decided' && event.envelope.data.applicationId === id,
      );
      expect(decided).toHaveLength(1);
      expect(decided[0]!.envelope.data).not.toHaveProperty('memberId');
      expect(decided[0]!.envelope.data.outcome).toBe('rejected');
      const reapplied = await call('POST', '/v1/applications/individual', { body });
      expect(reapplied.status).toBe(201);
    });

    it('when the committee returns an application, then the applicant reads why with the token, completes it, and it can be approved', async () => {
      const body = individual({ district: 'Bornova' });
      const submitted = await call('POST', '/v1/applications/individual', { body });
      const { id, accessToken } = submitted.body as { id: string; accessToken: string };
      const returned = await decide(id, await committee(), {
        outcome: 'returned',
        reason: 'Telefon numarası eksik yazılmış',
      });
      expect(returned.body.status).toBe('returned');

      const view = await call('GET', `/v1/applications/${id}/status`, {
        headers: { 'x-application-token': accessToken },
      });
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        id,
        status: 'returned',
        lastDecision: { outcome: 'returned', reason: 'Telefon numarası eksik yazılmış' },
      });
      expect(view.body.form).not.toHaveProperty('tcKimlikNo');
      expect((await call('GET', `/v1/applications/${id}/status`)).body.code).toBe(
        'application-token-invalid',
      );
      expect(
        (
          await call('GET', `/v1/applications/${id}/status`, {
            headers: { 'x-application-token': 'x'.repeat(43) },
          })
        ).status,
      ).toBe(403);

      const completed = { ...body, contact: { ...body.contact, phone: '+90 532 111 22 33' } };
      const before = (await outbox()).length;
      expect((await call('PUT', `/v1/applications/individual/${id}`, { body: completed })).body.code).toBe(
        'application-token-invalid',
      );
      const otherToken = (await call('POST', '/v1/applications/individual', { body: individual() })).body
        .accessToken as string;
      expect(
        (
          await call('PUT', `/v1/applications/individual/${id}`, {
            body: completed,
            headers: { 'x-application-token': otherToken },
          })
        ).status,
      ).toBe(403);
      const afterOther = (await outbox()).length;
      expect(afterOther).toBe(before + 2);

      const resubmitted = await call('PUT', `/v1/applications/individual/${id}`, {
        body: completed,
        headers: { 'x-application-token': accessToken },
      });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ id, status: 'submitted', accessToken });
      expect((await outbox()).slice(afterOther).map((event) => event.type)).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
      ]);
      const twice = await call('PUT', `/v1/applications/individual/${id}`, {
        body: completed,
        headers: { 'x-application-token': accessToken },
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('application-not-returned');

      const approved = await decide(id, await committee(), { outcome: 'approved' });
      expect(approved.body).toMatchObject({ status: 'approved', resubmissions: 1 });
      expect(approved.body.form.contact.phone).toBe('+90 532 111 22 33');
      expect(approved.body.decisions.map((decision: Json) => decision.outcome)).toEqual([
        'returned',
        'approved',
      ]);
      expect(await eventsAbout(id)).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
        'membership.application.decided',
        'membership.contact.changed',
        'membership.application.submitted',
        'membership.application.decided',
      ]);
    });
  });

  describe('institutional applications', () => {
    it('when an association applies and the Executive Board approves, then the member has its representatives and each event is written once', async () => {
      const body = await institutional();
      const before = (await outbox()).length;
      const submitted = await call('POST', '/v1/applications/institutional', { body });
      expect(submitted.status).toBe(201);
      const id = submitted.body.id as string;

      const wrongRole = await decide(id, await committee(), { outcome: 'approved' });
      expect(wrongRole.status).toBe(403);
      expect(wrongRole.body.code).toBe('decision-role-mismatch');

      const detail = await call('GET', `/v1/applications/${id}`, { token: await board() });
      expect(detail.body).toMatchObject({
        kind: 'institutional',
        institutionKind: 'association',
        status: 'submitted',
      });
      expect(detail.body.form.organisation.derbisNumber).toBe(body.organisation.derbisNumber);
      expect(detail.body.documents.map((document: Json) => document.purpose)).toEqual([
        'board-decision',
        'appointment-letter-full',
        'appointment-letter-substitute',
      ]);
      const download = await fetch(
        `${service.url}/v1/applications/${id}/documents/${body.boardDecision.documentId}`,
        {
          headers: { authorization: `Bearer ${await board()}` },
        },
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(body.boardDecision.documentId);
      const foreign = (await upload(pdf('not of this application'))).body.documentId as string;
      expect(
        (await call('GET', `/v1/applications/${id}/documents/${foreign}`, { token: await board() })).status,
      ).toBe(404);

      const approved = await decide(id, await board(), { outcome: 'approved', decisionNumber: 'YK-2026/31' });
      expect(approved.status).toBe(200);
      const memberId = approved.body.memberId as string;
      expect(await service.prisma.member.findUnique({ where: { id: memberId } })).toMatchObject({
        kind: 'institutional',
        displayName: body.organisation.name,
        gender: 'female',
      });
      const representatives = await service.prisma.representative.findMany({
        where: { memberId },
        orderBy: { seat: 'asc' },
      });
      expect(representatives.map((r) => [r.seat, r.displayName, r.gender])).toEqual([
        ['full', 'Zeynep Demir', 'female'],
        ['substitute', 'Ali Çelik', 'male'],
      ]);
      const types = (await outbox()).slice(before).map((event) => event.type);
      expect(types).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
        'membership.member.admitted',
        'membership.representative.changed',
        'membership.representative.changed',
        'membership.contact.changed',
        'membership.application.decided',
      ]);
      const decided = (await outbox()).find(
        (event) =>
          event.type === 'membership.application.decided' && event.envelope.data.applicationId === id,
      );
      expect(decided!.envelope.data).toMatchObject({
        outcome: 'approved',
        decisionNumber: 'YK-2026/31',
        memberId,
      });
    });

    it('when the Executive Board rejects, then no member is created and one decided event is written', async () => {
      const submitted = await call('POST', '/v1/applications/institutional', {
        body: await institutional({}, { kind: 'chamber', derbisNumber: undefined }),
      });
      expect(submitted.status).toBe(201);
      const id = submitted.body.id as string;
      const members = await service.prisma.member.count();
      const rejected = await decide(id, await board(), {
        outcome: 'rejected',
        reason: 'Yönetim kurulu kararı imzasız',
      });
      expect(rejected.body).toMatchObject({ status: 'rejected', memberId: null, institutionKind: 'chamber' });
      expect(await service.prisma.member.count()).toBe(members);
      expect(await eventsAbout(id)).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
        'membership.application.decided',
      ]);
    });

    it('when an institution is returned, then it resubmits with its token and the board approves', async () => {
      const body = await institutional();
      const { id, accessToken } = (await call('POST', '/v1/applications/institutional', { body })).body as {
        id: string;
        accessToken: string;
      };
      await decide(id, await board(), {
        outcome: 'returned',
        reason: 'Yedek temsilcinin görevlendirme yazısı okunmuyor',
      });
      const letter = (await upload(pdf('readable letter'))).body.documentId as string;
      const completed = {
        ...body,
        representatives: {
          ...body.representatives,
          substitute: { ...body.representatives.substitute, appointmentLetterDocumentId: letter },
        },
      };
      const resubmitted = await call('PUT', `/v1/applications/institutional/${id}`, {
        body: completed,
        headers: { 'x-application-token': accessToken },
      });
      expect(resubmitted.status).toBe(200);
      const wrongForm = await call('PUT', `/v1/applications/individual/${id}`, {
        body: individual(),
        headers: { 'x-application-token': accessToken },
      });
      expect(wrongForm.status).toBe(409);
      const approved = await decide(id, await board(), { outcome: 'approved' });
      expect(approved.body.status).toBe('approved');
      expect(
        approved.body.documents.find((document: Json) => document.purpose === 'appointment-letter-substitute')
          .documentId,
      ).toBe(letter);
    });
  });

  describe('duplicates', () => {
    it('when a TC Kimlik No is pending or already a member, then 409 duplicate-application-tc-kimlik and nothing is written', async () => {
      const first = individual();
      const submitted = await call('POST', '/v1/applications/individual', { body: first });
      const before = await counts();
      const pending = await call('POST', '/v1/applications/individual', {
        body: { ...first, contact: { email: 'someone.else@example.org', phone: '0532 000 00 09' } },
      });
      expect(pending.status).toBe(409);
      expect(pending.body).toMatchObject({
        code: 'duplicate-application-tc-kimlik',
        errors: [{ field: 'body.tcKimlikNo' }],
      });
      expect(pending.body.title).toMatch(/TC Kimlik/);

      await decide(submitted.body.id, await committee(), { outcome: 'approved' });
      const afterApproval = await counts();
      const member = await call('POST', '/v1/applications/individual', {
        body: { ...first, contact: { email: 'third@example.org', phone: '0532 000 00 08' } },
        headers: { 'accept-language': 'en' },
      });
      expect(member.body.code).toBe('duplicate-application-tc-kimlik');
      expect(member.body.title).toMatch(/active membership/);
      expect(await counts()).toEqual(afterApproval);
      expect(afterApproval.applications).toBe(before.applications);
    });

    it('when an e-mail is pending, then 409 duplicate-application-email naming the field; other letter case counts as the same', async () => {
      const first = individual();
      await call('POST', '/v1/applications/individual', { body: first });
      const before = await counts();
      const second = await call('POST', '/v1/applications/individual', {
        body: individual({ contact: { email: first.contact.email.toUpperCase(), phone: '0532 000 00 07' } }),
      });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        code: 'duplicate-application-email',
        errors: [{ field: 'body.contact.email' }],
      });
      const institution = await institutional();
      await call('POST', '/v1/applications/institutional', { body: institution });
      const afterFirst = await counts();
      const sameEmail = await call('POST', '/v1/applications/institutional', {
        body: await institutional({}, { email: institution.organisation.email, derbisNumber: '06-154-120' }),
      });
      expect(sameEmail.body).toMatchObject({
        code: 'duplicate-application-email',
        errors: [{ field: 'body.organisation.email' }],
      });
      expect((await counts()).applications).toBe(afterFirst.applications);
      expect(afterFirst.applications).toBe(before.applications + 1);
    });

    it('when a DERBİS number is pending or a member (written with or without dashes), then 409 duplicate-application-derbis', async () => {
      const first = await institutional({}, { derbisNumber: '35-777-001' });
      const submitted = await call('POST', '/v1/applications/institutional', { body: first });
      const before = await counts();
      const pending = await call('POST', '/v1/applications/institutional', {
        body: await institutional({}, { derbisNumber: '35777001', email: 'another@example.org' }),
      });
      expect(pending.status).toBe(409);
      expect(pending.body).toMatchObject({
        code: 'duplicate-application-derbis',
        errors: [{ field: 'body.organisation.derbisNumber' }],
      });
      await decide(submitted.body.id, await board(), { outcome: 'approved' });
      const member = await call('POST', '/v1/applications/institutional', {
        body: await institutional({}, { derbisNumber: '35-777-001', email: 'yet.another@example.org' }),
      });
      expect(member.body.code).toBe('duplicate-application-derbis');
      expect((await counts()).applications).toBe(before.applications);
    });
  });

  describe('bad input', () => {
    const expectRefused = async (
      path: string,
      body: unknown,
      expected: { status: number; code: string; field: string },
    ) => {
      const before = await counts();
      const response = await call('POST', path, { body });
      expect(response.status).toBe(expected.status);
      expect(response.type).toContain('application/problem+json');
      expect(response.body.code).toBe(expected.code);
      expect(response.body.errors.map((error: Json) => error.field)).toContain(expected.field);
      expect(await counts()).toEqual(before);
      return response;
    };

    it('when fields are missing, then 400 names each of them', async () => {
      const { fullName: _name, gender: _gender, consent: _consent, ...rest } = individual();
      const response = await expectRefused('/v1/applications/individual', rest, {
        status: 400,
        code: 'validation-failed',
        field: 'body.fullName',
      });
      expect(response.body.errors.map((error: Json) => error.field)).toEqual(
        expect.arrayContaining(['body.fullName', 'body.gender', 'body.consent']),
      );
      const institution = await institutional();
      const { boardDecision: _decision, ...noDecision } = institution;
      await expectRefused('/v1/applications/institutional', noDecision, {
        status: 400,
        code: 'validation-failed',
        field: 'body.boardDecision',
      });
      await expectRefused(
        '/v1/applications/institutional',
        { ...institution, representatives: { substitute: institution.representatives.substitute } },
        { status: 400, code: 'validation-failed', field: 'body.representatives.full' },
      );
    });

    it('when the TC Kimlik No fails its checksum or shape, then 400 names body.tcKimlikNo without repeating it', async () => {
      const valid = individual();
      const wrong = valid.tcKimlikNo.slice(0, 10) + String((Number(valid.tcKimlikNo[10]) + 1) % 10);
      tcNumbersSent.add(wrong);
      const response = await expectRefused(
        '/v1/applications/individual',
        { ...valid, tcKimlikNo: wrong },
        { status: 400, code: 'validation-failed', field: 'body.tcKimlikNo' },
      );
      expect(response.text).not.toContain(wrong);
      await expectRefused(
        '/v1/applications/individual',
        { ...valid, tcKimlikNo: `0${valid.tcKimlikNo.slice(1)}` },
        { status: 400, code: 'validation-failed', field: 'body.tcKimlikNo' },
      );
      await expectRefused(
        '/v1/applications/individual',
        { ...valid, tcKimlikNo: 12345678950 },
        { status: 400, code: 'validation-failed', field: 'body.tcKimlikNo' },
      );
    });

    it('when the DERBİS number is malformed, or missing for an association or foundation, then 400 names it', async () => {
      const bad = await institutional({}, { derbisNumber: '35-69-158' });
      const response = await expectRefused('/v1/applications/institutional', bad, {
        status: 400,
        code: 'validation-failed',
        field: 'body.organisation.derbisNumber',
      });
      expect(response.body.detail).toMatch(/NN-NNN-NNN/);
      await expectRefused(
        '/v1/applications/institutional',
        await institutional({}, { derbisNumber: '82-069-158' }),
        {
          status: 400,
          code: 'validation-failed',
          field: 'body.organisation.derbisNumber',
        },
      );
      const { derbisNumber: _none, ...foundation } = (await institutional({}, { kind: 'foundation' }))
        .organisation;
      await expectRefused(
        '/v1/applications/institutional',
        { ...(await institutional()), organisation: foundation },
        {
          status: 400,
          code: 'validation-failed',
          field: 'body.organisation.derbisNumber',
        },
      );
    });

    it('when a body or a document is unknown, the district is not in the list, or the consent is not to the current text, then 4xx names it', async () => {
      await expectRefused('/v1/applications/individual', individual({ bodyIds: [assembly, randomUUID()] }), {
        status: 422,
        code: 'unknown-body',
        field: 'body.bodyIds.1',
      });
      const archived = randomUUID();
      await service.prisma.body.create({
        data: { id: archived, kind: 'assembly', name: `Kapanan Meclis ${archived}`, archivedAt: new Date() },
      });
      await expectRefused('/v1/applications/individual', individual({ bodyIds: [archived] }), {
        status: 422,
        code: 'unknown-body',
        field: 'body.bodyIds.0',
      });
      await expectRefused('/v1/applications/individual', individual({ bodyIds: ['not-a-uuid'] }), {
        status: 400,
        code: 'validation-failed',
        field: 'body.bodyIds.0',
      });
      await expectRefused('/v1/applications/individual', individual({ district: 'Kadıköy' }), {
        status: 400,
        code: 'validation-failed',
        field: 'body.district',
      });
      await expectRefused(
        '/v1/applications/individual',
        individual({ consent: { kvkkTextVersion: 'kvkk-2019', accepted: true } }),
        {
          status: 400,
          code: 'validation-failed',
          field: 'body.consent.kvkkTextVersion',
        },
      );
      await expectRefused(
        '/v1/applications/individual',
        individual({ consent: { kvkkTextVersion: 'kvkk-2026-01', accepted: false } }),
        {
          status: 400,
          code: 'validation-failed',
          field: 'body.consent.accepted',
        },
      );
      const institution = await institutional();
      await expectRefused(
        '/v1/applications/institutional',
        { ...institution, boardDecision: { ...institution.boardDecision, documentId: 'a'.repeat(64) } },
        {
          status: 422,
          code: 'unknown-document',
          field: 'body.boardDecision.documentId',
        },
      );
      await expectRefused(
        '/v1/applications/institutional',
        { ...institution, boardDecision: { ...institution.boardDecision, date: '2999-01-01' } },
        {
          status: 400,
          code: 'validation-failed',
          field: 'body.boardDecision.date',
        },
      );
    });
  });

  describe('idempotency', () => {
    it('when a submission is retried with the same Idempotency-Key, then the same answer comes back and nothing new is written', async () => {
      const body = individual();
      const headers = { 'idempotency-key': `retry-${randomUUID()}` };
      const first = await call('POST', '/v1/applications/individual', { body, headers });
      expect(first.status).toBe(201);
      const before = await counts();
      const retry = await call('POST', '/v1/applications/individual', { body, headers });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await counts()).toEqual(before);
      expect(await eventsAbout(first.body.id)).toEqual([
        'membership.contact.changed',
        'membership.application.submitted',
      ]);

      const changed = await call('POST', '/v1/applications/individual', {
        body: { ...body, birthYear: 1990 },
        headers,
      });
      expect(changed.status).toBe(422);
      expect(changed.body.code).toBe('idempotency-key-reused');
      const badKey = await call('POST', '/v1/applications/individual', {
        body: individual(),
        headers: { 'idempotency-key': 'x'.repeat(201) },
      });
      expect(badKey.body.errors[0].field).toBe('header.idempotency-key');
      expect(await counts()).toEqual(before);
    });

    it('when two submissions with the same key race, then one application is created', async () => {
      const body = individual();
      const headers = { 'idempotency-key': `race-${randomUUID()}` };
      const before = await counts();
      const [a, b] = await Promise.all([
        call('POST', '/v1/applications/individual', { body, headers }),
        call('POST', '/v1/applications/individual', { body, headers }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect((await counts()).applications).toBe(before.applications + 1);
    });
  });

  describe('lists and details', () => {
    it('lists with kind and status filters; the evaluation committee sees individual applications only; members none', async () => {
      const all = await call('GET', '/v1/applications?limit=200', { token: await staff() });
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThan(5);
      const kinds = new Set(all.body.items.map((item: Json) => item.kind));
      expect(kinds).toEqual(new Set(['individual', 'institutional']));
      const approvedInstitutions = await call('GET', '/v1/applications?kind=institutional&status=approved', {
        token: await board(),
      });
      expect(approvedInstitutions.body.items.length).toBeGreaterThan(0);
      expect(
        approvedInstitutions.body.items.every(
          (item: Json) => item.kind === 'institutional' && item.status === 'approved',
        ),
      ).toBe(true);
      const committeeList = await call('GET', '/v1/applications', { token: await committee() });
      expect(committeeList.body.items.every((item: Json) => item.kind === 'individual')).toBe(true);
      expect(
        (await call('GET', '/v1/applications?kind=institutional', { token: await committee() })).status,
      ).toBe(403);
      const institutionId = approvedInstitutions.body.items[0].id as string;
      expect(
        (await call('GET', `/v1/applications/${institutionId}`, { token: await committee() })).status,
      ).toBe(403);
      expect((await call('GET', '/v1/applications', { token: await token('m-1', ['member']) })).status).toBe(
        403,
      );
      expect((await call('GET', '/v1/applications')).status).toBe(401);
      const bad = await call('GET', '/v1/applications?status=pending', { token: await staff() });
      expect(bad.body.errors[0].field).toBe('query.status');
      expect((await call('GET', `/v1/applications/${randomUUID()}`, { token: await staff() })).status).toBe(
        404,
      );
    });

    it('never shows a TC Kimlik No in a detail, and keeps only its keyed digest', async () => {
      const body = individual();
      const { id } = (await call('POST', '/v1/applications/individual', { body })).body as { id: string };
      const detail = await call('GET', `/v1/applications/${id}`, { token: await committee() });
      expect(detail.body.form).not.toHaveProperty('tcKimlikNo');
      expect(detail.body.form.consent).toMatchObject({
        kvkkTextVersion: 'kvkk-2026-01',
        consentedAt: expect.any(String),
      });
      const row = await service.prisma.membershipApplication.findUniqueOrThrow({ where: { id } });
      expect(row.tcKimlikDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(body.tcKimlikNo);
    });
  });

  it('no response body, stored application, audit entry or event ever held a TC Kimlik No', async () => {
    expect(tcNumbersSent.size).toBeGreaterThan(10);
    expect(responseTexts.length).toBeGreaterThan(50);
    const stored = JSON.stringify({
      applications: await service.prisma.membershipApplication.findMany(),
      audit: (await service.prisma.auditEntry.findMany()).map((entry) => ({
        ...entry,
        id: String(entry.id),
      })),
      outbox: await outbox(),
      idempotency: await service.prisma.applicationIdempotencyKey.findMany(),
    });
    for (const tc of tcNumbersSent) {
      for (const text of responseTexts) expect(text.includes(tc)).toBe(false);
      expect(stored.includes(tc)).toBe(false);
    }
  });
});
