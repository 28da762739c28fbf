import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@konsey/service-kit';
import { startTestTokenIssuer, type TestTokenIssuer } from '@konsey/service-kit/testing';
import {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../src/domain/webhook-signature.js';
import { startHttpReceiver, startSmtpServer, waitFor } from './receivers.js';
import { startNotifications } from './start-notifications.js';

const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
const RATE = { max: 100, duration: 500 };

describe('notifications delivery (real PostgreSQL, Redis, SMTP and HTTP servers)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: Awaited<ReturnType<typeof startHttpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;
  let issuer: TestTokenIssuer;
  let app: Awaited<ReturnType<typeof startNotifications>>;
  const logLines: string[] = [];

  beforeAll(async () => {
    [smtp, sms, hooks, issuer] = await Promise.all([
      startSmtpServer(),
      startHttpReceiver(),
      startHttpReceiver(),
      startTestTokenIssuer(),
    ]);
    const logger = createLogger({
      service: 'notifications',
      level: 'debug',
      destination: new Writable({
        write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()),
      }) as never,
    });
    app = await startNotifications(
      'delivery',
      {
        SMTP_URL: smtp.url,
        SMS_URL: `${sms.url}/send`,
        SMS_TOKEN: 'sms-token',
        SMS_QUIET_HOURS: '0-0',
        WEBHOOK_ENDPOINTS: `site=${hooks.url}/hook`,
        WEBHOOK_SECRET,
        WEBHOOK_RATE: `${RATE.max}/${RATE.duration}`,
        EMAIL_RETRY: '3/100',
        SMS_RETRY: '2/50',
        JWKS_URL: issuer.jwksUrl,
      },
      { logger },
    );
  });

  afterAll(async () => {
    await app?.stop();
    await Promise.all([smtp?.close(), sms?.close(), hooks?.close(), issuer?.close()]);
  });

  const member = async (language: 'tr' | 'en', contact: { email?: string; phone?: string } = {}) => {
    const memberId = randomUUID();
    await app.deliver('membership.contact.changed', {
      subjectKind: 'member',
      subjectId: memberId,
      email: contact.email ?? `${memberId.slice(0, 8)}@uye.example.org`,
      phone: contact.phone ?? null,
      language,
      changedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.contact.findUnique({ where: { subjectId: memberId } }));
    return { memberId, email: contact.email ?? `${memberId.slice(0, 8)}@uye.example.org` };
  };
  const mailsTo = (email: string) => smtp.inbox.filter((mail) => mail.to === email);
  const admitted = (memberId: string) => ({
    memberId,
    kind: 'individual' as const,
    displayName: 'Ayşe Yılmaz',
    gender: 'female' as const,
    bodies: [],
    admittedAt: '2026-03-20T22:30:00Z',
  });
  const call = async (method: string, path: string, token?: string) => {
    const response = await fetch(`${app.service.url}${path}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    // Bodies are read loosely: each assertion states the shape it expects.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body = (await response.json().catch(() => ({}))) as Record<string, any>;
    return { status: response.status, body };
  };

  it('when a member is admitted, then the welcome e-mail reaches the SMTP inbox in the member’s language, as text and HTML with an unsubscribe link', async () => {
    const english = await member('en');
    const turkish = await member('tr');
    await app.deliver('membership.member.admitted', admitted(english.memberId));
    await app.deliver('membership.member.admitted', admitted(turkish.memberId));
    const [en] = await waitFor(() => (mailsTo(english.email).length ? mailsTo(english.email) : undefined));
    const [tr] = await waitFor(() => (mailsTo(turkish.email).length ? mailsTo(turkish.email) : undefined));
    expect(en!.raw).toContain('Welcome to the City Council');
    expect(en!.raw).toContain('text/html');
    expect(en!.raw).toMatch(/List-Unsubscribe:/i);
    expect(tr!.raw).toMatch(/Subject: =\?UTF-8\?/); // Turkish subject, encoded
    expect(tr!.raw).toContain('21 Mart 2026');
  });

  it('when an election is announced and voting opens, then the active members of its body hear of it, and for the General Assembly every active member', async () => {
    const [inBody, alsoInBody, suspended, outside] = await Promise.all([
      member('tr'),
      member('en'),
      member('tr'),
      member('tr'),
    ]);
    const assembly = randomUUID();
    const generalAssembly = randomUUID();
    await app.deliver('membership.body.created', {
      bodyId: assembly,
      kind: 'assembly',
      name: 'Gençlik Meclisi',
      createdAt: new Date().toISOString(),
    });
    await app.deliver('membership.body.created', {
      bodyId: generalAssembly,
      kind: 'general-assembly',
      name: 'Genel Kurul',
      createdAt: new Date().toISOString(),
    });
    for (const person of [inBody, alsoInBody, suspended, outside])
      await app.deliver('membership.member.admitted', admitted(person.memberId));
    for (const person of [inBody, alsoInBody, suspended]) {
      await app.deliver('membership.body-membership.changed', {
        bodyId: assembly,
        memberId: person.memberId,
        change: 'joined',
        on: '2026-01-10',
      });
    }
    await app.deliver('membership.member.status-changed', {
      memberId: suspended.memberId,
      status: 'suspended',
      reason: 'Aidat',
      effectiveAt: new Date().toISOString(),
    });
    await waitFor(
      async () =>
        (await app.prisma.audienceMember.findUnique({ where: { memberId: suspended.memberId } }))?.status ===
        'suspended',
    );

    const announce = (
      electionId: string,
      bodyId: string,
      office: 'facilitator' | 'executive-board' = 'facilitator',
    ) =>
      app.deliver('elections.election.announced', {
        electionId,
        title: 'Kolaylaştırıcı seçimi',
        office,
        bodyId,
        votingOn: '2026-05-20',
        candidacyOpensOn: '2026-05-01',
        candidacyClosesOn: '2026-05-10',
      });
    const recipientsOf = (eventType: string, electionId: string) =>
      app.prisma.notification
        .findMany({
          where: {
            eventType,
            channel: 'email',
            recipientKind: 'member',
            variables: { path: ['electionId'], equals: electionId },
          },
          select: { recipientId: true },
        })
        .then((rows) => rows.map((row) => row.recipientId).sort());

    const facilitator = randomUUID();
    await announce(facilitator, assembly);
    const expected = [inBody.memberId, alsoInBody.memberId].sort();
    expect(
      await waitFor(async () =>
        (await recipientsOf('elections.election.announced', facilitator)).length === 2
          ? recipientsOf('elections.election.announced', facilitator)
          : undefined,
      ),
    ).toEqual(expected);
    // Voting opens weeks later; a "voting opened" that overtook its announcement would be retried.
    await app.deliver('elections.voting.opened', {
      electionId: facilitator,
      round: 1,
      title: 'Kolaylaştırıcı seçimi',
    });
    expect(
      await waitFor(async () =>
        (await recipientsOf('elections.voting.opened', facilitator)).length === 2
          ? recipientsOf('elections.voting.opened', facilitator)
          : undefined,
      ),
    ).toEqual(expected);

    const president = randomUUID();
    await announce(president, generalAssembly);
    const everyone = await waitFor(async () => {
      const ids = await recipientsOf('elections.election.announced', president);
      return ids.length >= 3 ? ids : undefined;
    });
    expect(everyone).toEqual(
      expect.arrayContaining([inBody.memberId, alsoInBody.memberId, outside.memberId]),
    );
    expect(everyone).not.toContain(suspended.memberId);

    // The Executive Board belongs to the board's body, but the General Assembly elects it: every active
    // member hears of the election and of its voting, not only the board's members.
    const board = randomUUID();
    await announce(board, assembly, 'executive-board');
    const voters = await waitFor(async () => {
      const ids = await recipientsOf('elections.election.announced', board);
      return ids.length >= 3 ? ids : undefined;
    });
    expect(voters).toEqual(expect.arrayContaining([inBody.memberId, alsoInBody.memberId, outside.memberId]));
    expect(voters).not.toContain(suspended.memberId);
    await app.deliver('elections.voting.opened', { electionId: board, round: 1, title: 'Yürütme Kurulu' });
    expect(
      await waitFor(async () => {
        const ids = await recipientsOf('elections.voting.opened', board);
        return ids.length >= 3 ? ids : undefined;
      }),
    ).toEqual(voters);
  });

  it('when an application is submitted and rejected, then the applicant hears of both at the address they applied with', async () => {
    const applicationId = randomUUID();
    const email = `${applicationId.slice(0, 8)}@basvuru.example.org`;
    await app.deliver('membership.contact.changed', {
      subjectKind: 'applicant',
      subjectId: applicationId,
      email,
      phone: null,
      language: 'tr',
      changedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.contact.findUnique({ where: { subjectId: applicationId } }));
    await app.deliver('membership.application.submitted', {
      applicationId,
      kind: 'individual',
      submittedAt: '2026-03-20T09:00:00Z',
    });
    await app.deliver('membership.application.decided', {
      applicationId,
      kind: 'individual',
      outcome: 'rejected',
      decisionNumber: 'DK-2026/14',
      decidedOn: '2026-04-02',
    });
    const mails = await waitFor(() => (mailsTo(email).length === 2 ? mailsTo(email) : undefined));
    expect(mails.some((mail) => mail.raw.includes('DK-2026/14') && mail.raw.includes('reddedildi'))).toBe(
      true,
    );
    const templates = await app.prisma.notification.findMany({
      where: { recipientKind: 'applicant', recipientId: applicationId },
      select: { template: true, status: true },
    });
    expect(templates.map((row) => row.template).sort()).toEqual([
      'application-decided',
      'application-received',
    ]);
  });

  it('when the same event is delivered twice, then one e-mail is sent', async () => {
    const { memberId, email } = await member('tr');
    const envelope = await app.deliver('membership.member.admitted', admitted(memberId));
    await app.redeliver(envelope, `${envelope.id}-again`);
    await waitFor(() => mailsTo(email).length === 1);
    await waitFor(async () => ((await app.inbox.getJobCounts('completed')).completed ?? 0) >= 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(email)).toHaveLength(1);
    expect(await app.prisma.notification.count({ where: { eventId: envelope.id } })).toBe(1);
  });

  it('when the SMTP server refuses and then accepts, then one e-mail arrives after a retry and the log shows both attempts', async () => {
    const { memberId, email } = await member('en');
    smtp.refuseNext(1);
    const envelope = await app.deliver('membership.member.admitted', admitted(memberId));
    await waitFor(() => mailsTo(email).length === 1);
    const notification = await waitFor(() =>
      app.prisma.notification.findFirst({ where: { eventId: envelope.id, status: 'sent' } }),
    );
    const attempts = await app.prisma.deliveryAttempt.findMany({
      where: { notificationId: notification.id },
      orderBy: { id: 'asc' },
    });
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'sent']);
    expect(attempts[0]!.providerResponse).toContain('451');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('when an opted-out member gets an optional and an essential message, then only the essential one arrives', async () => {
    const { memberId, email } = await member('tr');
    // Opt out the way a member does from an e-mail: the signed link of a first optional message.
    await app.deliver('membership.member.admitted', admitted(memberId));
    const [first] = await waitFor(() => (mailsTo(email).length ? mailsTo(email) : undefined));
    const link = /unsubscribe\?token=([\w.-]+)/.exec(first!.raw.replace(/=\r?\n/g, ''))![1]!;
    expect((await call('POST', `/v1/notifications/unsubscribe?token=${link}x`)).status).toBe(400);
    expect((await call('POST', `/v1/notifications/unsubscribe?token=${link}`)).status).toBe(200);

    const optional = await app.deliver('elections.candidacy.decided', {
      electionId: randomUUID(),
      memberId,
      eligible: true,
      reasons: [],
    });
    await app.deliver('elections.ballot.received', {
      electionId: randomUUID(),
      round: 1,
      memberId,
      trackingCode: 'K7Q2-9XFA',
    });
    await waitFor(() => mailsTo(email).some((mail) => mail.raw.includes('K7Q2-9XFA')));
    const skipped = await waitFor(() =>
      app.prisma.notification.findFirst({ where: { eventId: optional.id } }),
    );
    expect(skipped.status).toBe('skipped');
    expect(mailsTo(email)).toHaveLength(2);
  });

  it('when a sign-in code goes by SMS, then the provider gets it, and no e-mail, phone or code appears in the logs', async () => {
    const accountId = randomUUID();
    const phone = '+905321234567';
    await app.deliver('membership.contact.changed', {
      subjectKind: 'account',
      subjectId: accountId,
      email: 'gizli.kisi@example.org',
      phone,
      language: 'tr',
      changedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.contact.findUnique({ where: { subjectId: accountId } }));
    const envelope = await app.deliver('membership.sign-in-code.issued', {
      accountId,
      channel: 'sms',
      code: '864209',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      language: 'tr',
    });
    const request = await waitFor(() => sms.requests.find((r) => r.body.includes('864209')));
    expect(request.headers.authorization).toBe('Bearer sms-token');
    expect(JSON.parse(request.body)).toMatchObject({ to: phone });
    const settled = await waitFor(() =>
      app.prisma.notification.findFirst({ where: { eventId: envelope.id, status: 'sent' } }),
    );
    expect(JSON.stringify(settled.variables)).not.toContain('864209');
    const logs = logLines.join('\n');
    expect(logs).toContain('notification settled');
    for (const secret of ['864209', phone, '5321234567', 'gizli.kisi@example.org', '@uye.example.org'])
      expect(logs).not.toContain(secret);
  });

  it('when the SMS provider keeps failing, then the notification is failed, listed for operators, and a retry sends it', async () => {
    const accountId = randomUUID();
    await app.deliver('membership.contact.changed', {
      subjectKind: 'account',
      subjectId: accountId,
      phone: '+905551112233',
      language: 'en',
      changedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.contact.findUnique({ where: { subjectId: accountId } }));
    sms.state.status = 503;
    const envelope = await app.deliver('membership.sign-in-code.issued', {
      accountId,
      channel: 'sms',
      code: '111222',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      language: 'en',
    });
    const failed = await waitFor(() =>
      app.prisma.notification.findFirst({ where: { eventId: envelope.id, status: 'failed' } }),
    );
    sms.state.status = 200;
    const operator = await issuer.mint({ sub: randomUUID(), roles: ['operator'] });
    const member = await issuer.mint({ sub: randomUUID(), roles: ['member'] });
    expect((await call('GET', '/v1/notifications/failed', member)).status).toBe(403);
    const list = await call('GET', '/v1/notifications/failed', operator);
    expect((list.body.items as { id: string }[]).map((item) => item.id)).toContain(failed.id);
    expect((await call('POST', `/v1/notifications/${failed.id}/retry`, operator)).status).toBe(202);
    await waitFor(() => app.prisma.notification.findFirst({ where: { id: failed.id, status: 'sent' } }));
    const log = await call('GET', `/v1/notifications/${failed.id}/deliveries`, operator);
    expect((log.body.attempts as { outcome: string }[]).map((a) => a.outcome)).toEqual([
      'failed',
      'failed',
      'sent',
    ]);
    expect(JSON.stringify(log.body)).not.toContain('+905551112233');
  });

  it('when a webhook arrives, then the receiver verifies its signature and refuses a replayed or altered payload', async () => {
    const envelope = await app.deliver('motions.motion.adopted', {
      motionId: randomUUID(),
      title: 'Kordon bisiklet yolu',
      topic: 'transport',
      adoptedAt: new Date().toISOString(),
    });
    const request = await waitFor(() => hooks.requests.find((r) => r.body.includes(envelope.id)));
    const check = (body: string, now?: Date) =>
      verifyWebhookSignature({
        body,
        timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER] as string,
        signature: request.headers[WEBHOOK_SIGNATURE_HEADER] as string,
        secret: WEBHOOK_SECRET,
        ...(now ? { now } : {}),
      });
    expect(check(request.body)).toEqual({ ok: true });
    expect(check(request.body.replace('Kordon', 'Korden'))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(check(request.body, new Date(Date.now() + 6 * 60_000))).toEqual({ ok: false, reason: 'stale' });
    expect(
      verifyWebhookSignature({
        body: request.body,
        timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER] as string,
        signature: request.headers[WEBHOOK_SIGNATURE_HEADER] as string,
        secret: 'another-secret-0123456789',
      }).ok,
    ).toBe(false);
  });

  it('when 1,000 events arrive at once, then the rate limit spreads them over at least the windows it needs', async () => {
    const before = hooks.requests.length;
    const motionIds = new Set<string>();
    const jobs = Array.from({ length: 1000 }, () => {
      const motionId = randomUUID();
      motionIds.add(motionId);
      return {
        motionId,
        title: 'Toplu önerge',
        topic: 'other' as const,
        adoptedAt: new Date().toISOString(),
      };
    });
    await Promise.all(jobs.map((data) => app.deliver('motions.motion.adopted', data)));
    await waitFor(() => hooks.requests.length - before >= 1000, 55_000);
    const times = hooks.requests
      .slice(before)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    // The limiter lets at most RATE.max through per RATE.duration, so 1,000 webhooks take at least
    // (1000 / max − 1) windows end to end. Arrival times cannot be cut into the limiter's own windows
    // (a loaded machine delivers a window's requests late and bunched), but a slower run only lengthens
    // this span: the bound holds however busy the machine is.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((1000 / RATE.max - 1) * RATE.duration);
    expect(
      new Set(
        hooks.requests
          .slice(before)
          .map((r) => (JSON.parse(r.body) as { data: { motionId: string } }).data.motionId),
      ).size,
    ).toBe(1000);
  }, 60_000);
});
