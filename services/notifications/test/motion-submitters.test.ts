import { randomUUID } from 'node:crypto';
import type { MotionSubmitters } from '@konsey/contracts';
import { startHttpReceiver, startSmtpServer, waitFor } from './receivers.js';
import { startNotifications } from './start-notifications.js';

/** The hour now in Türkiye (UTC+3), to put the test inside the quiet hours of optional SMS. */
const turkishHour = () => new Date(Date.now() + 3 * 3600_000).getUTCHours();

describe('what the people a motion comes from are told (real PostgreSQL, Redis, SMTP and HTTP servers)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: Awaited<ReturnType<typeof startHttpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startHttpReceiver>>;
  let app: Awaited<ReturnType<typeof startNotifications>>;

  beforeAll(async () => {
    [smtp, sms, hooks] = await Promise.all([startSmtpServer(), startHttpReceiver(), startHttpReceiver()]);
    app = await startNotifications('motion_submitters', {
      SMTP_URL: smtp.url,
      SMS_URL: `${sms.url}/send`,
      SMS_TOKEN: 'sms-token',
      // Quiet now and for the next two hours: an optional SMS must wait.
      SMS_QUIET_HOURS: `${turkishHour()}-${(turkishHour() + 2) % 24}`,
      WEBHOOK_ENDPOINTS: `site=${hooks.url}/hook`,
      WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
      EMAIL_RETRY: '3/100',
    });
  });

  afterAll(async () => {
    await app?.stop();
    await Promise.all([smtp?.close(), sms?.close(), hooks?.close()]);
  });

  const member = async (language: 'tr' | 'en', phone: string | null = null) => {
    const memberId = randomUUID();
    const email = `${memberId.slice(0, 8)}@uye.example.org`;
    await app.deliver('membership.contact.changed', {
      subjectKind: 'member',
      subjectId: memberId,
      email,
      phone,
      language,
      changedAt: new Date().toISOString(),
    });
    await app.deliver('membership.member.admitted', {
      memberId,
      kind: 'individual',
      displayName: 'Üye',
      gender: 'female',
      bodies: [],
      admittedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.audienceMember.findUnique({ where: { memberId } }));
    await waitFor(() => app.prisma.contact.findUnique({ where: { subjectId: memberId } }));
    return { memberId, email };
  };
  /** Mails to one address as text: quoted-printable undone, so that Turkish phrases can be found. */
  const mailsTo = (email: string) =>
    smtp.inbox
      .filter((mail) => mail.to === email)
      .map((mail) =>
        Buffer.from(
          mail.raw
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
      );
  /** Wait for the mail to this address that contains the phrase. */
  const mailWith = (email: string, phrase: string) =>
    waitFor(() => mailsTo(email).find((mail) => mail.includes(phrase)));
  const motion = (submittedBy?: MotionSubmitters) => ({
    motionId: randomUUID(),
    title: 'Kordon bisiklet yolu',
    topic: 'transport' as const,
    ...(submittedBy ? { submittedBy } : {}),
  });
  const notificationsOf = (eventId: string) =>
    app.prisma.notification.findMany({
      where: { eventId },
      select: {
        recipientId: true,
        channel: true,
        template: true,
        variables: true,
        status: true,
        notBefore: true,
      },
    });

  it('when a member motion is returned, then the submitter (e-mail, SMS after quiet hours) and each co-signer hear the reasons and what to do next, in their language', async () => {
    const [submitter, coSigner, otherCoSigner] = await Promise.all([
      member('tr', '+905321112233'),
      member('en'),
      member('tr'),
    ]);
    const data = motion({
      submitterId: submitter.memberId,
      coSponsorIds: [coSigner.memberId, otherCoSigner.memberId],
    });
    const submitted = await app.deliver('motions.motion.submitted', {
      ...data,
      revision: 1,
      submittedAt: '2027-01-10T09:00:00Z',
    });
    const returned = await app.deliver('motions.motion.returned', {
      ...data,
      reasons: ['The cost estimate is missing.', 'Name the streets concerned.'],
      returnedAt: '2027-01-12T09:00:00Z',
    });

    const receipt = await mailWith(submitter.email, 'Yürütme Kuruluna sunuldu');
    expect(receipt).toContain(`Sunduğunuz "Kordon bisiklet yolu" önergesi 10 Ocak 2027`);
    expect(receipt).toContain(data.motionId);
    const toSubmitter = await mailWith(submitter.email, 'iade edildi');
    expect(toSubmitter).toContain('12 Ocak 2027 tarihinde Yürütme Kurulunca düzeltilmek üzere iade edildi');
    expect(toSubmitter).toContain('The cost estimate is missing.');
    expect(toSubmitter).toContain('Name the streets concerned.');
    expect(toSubmitter).toContain('yeniden sunabilirsiniz');
    const toCoSigner = await mailWith(coSigner.email, 'returned for changes');
    expect(toCoSigner).toContain('that you co-signed was returned for changes by the Executive Board');
    expect(toCoSigner).toContain('The member who submitted it can revise it and submit it again.');
    expect(toCoSigner).toMatch(/List-Unsubscribe:/i);
    expect(await mailWith(otherCoSigner.email, 'iade edildi')).toContain('Ortak imzacısı olduğunuz');

    const rows = await notificationsOf(returned.id);
    expect(rows.map((row) => `${row.recipientId}/${row.channel}`).sort()).toEqual(
      [
        `${submitter.memberId}/email`,
        `${submitter.memberId}/sms`,
        `${coSigner.memberId}/email`,
        `${otherCoSigner.memberId}/email`,
      ].sort(),
    );
    const smsRow = rows.find((row) => row.channel === 'sms')!;
    expect(smsRow.notBefore!.getTime()).toBeGreaterThan(Date.now());
    expect(sms.requests).toHaveLength(0);
    // A receipt is only for those who signed: nobody else, no staff and no webhook.
    expect((await notificationsOf(submitted.id)).map((row) => row.template)).toEqual([
      'own-motion-submitted',
      'own-motion-submitted',
      'own-motion-submitted',
    ]);
  });

  it('when a motion of an assembly moves on, then its submitter, co-signer and the assembly’s active members hear each step once, and webhooks never carry who submitted it', async () => {
    const [submitter, coSigner, inAssembly, suspended, outside] = await Promise.all([
      member('tr'),
      member('tr'),
      member('en'),
      member('tr'),
      member('tr'),
    ]);
    const assembly = randomUUID();
    await app.deliver('membership.body.created', {
      bodyId: assembly,
      kind: 'assembly',
      name: 'Kadın Meclisi',
      createdAt: new Date().toISOString(),
    });
    for (const person of [submitter, inAssembly, suspended])
      await app.deliver('membership.body-membership.changed', {
        bodyId: assembly,
        memberId: person.memberId,
        change: 'joined',
        on: '2026-01-10',
      });
    await app.deliver('membership.member.status-changed', {
      memberId: suspended.memberId,
      status: 'suspended',
      reason: 'Aidat',
      effectiveAt: new Date().toISOString(),
    });
    await waitFor(
      async () =>
        (await app.prisma.audienceBodyMembership.count({ where: { bodyId: assembly } })) === 3 &&
        (await app.prisma.audienceMember.findUnique({ where: { memberId: suspended.memberId } }))?.status ===
          'suspended',
    );
    const data = motion({
      submitterId: submitter.memberId,
      coSponsorIds: [coSigner.memberId],
      bodyId: assembly,
    });

    const scheduled = await app.deliver('motions.motion.scheduled', {
      ...data,
      agendaId: randomUUID(),
      meetingOn: '2027-02-20',
      position: 4,
    });
    const adopted = await app.deliver('motions.motion.adopted', {
      ...data,
      adoptedAt: '2027-02-20T15:00:00Z',
    });
    const decided = await app.deliver('motions.motion.decided', {
      ...data,
      outcome: 'amended',
      decisionNumber: '2027/161',
      decidedOn: '2027-04-01',
    });

    const roleOf = async (eventId: string) =>
      Object.fromEntries(
        (await notificationsOf(eventId))
          .filter((row) => row.channel === 'email' && row.template.startsWith('own-'))
          .map((row) => [row.recipientId, (row.variables as { role: string }).role]),
      );
    const expected = {
      [submitter.memberId]: 'submitter',
      [coSigner.memberId]: 'co_sponsor',
      [inAssembly.memberId]: 'body',
    };
    for (const event of [scheduled, adopted, decided])
      expect(
        await waitFor(async () =>
          Object.keys(await roleOf(event.id)).length === 3 ? roleOf(event.id) : undefined,
        ),
      ).toEqual(expected);

    expect(await mailWith(submitter.email, '2027/161')).toContain(
      'Sunduğunuz "Kordon bisiklet yolu" önergesi belediye meclisinin 1 Nisan 2027 tarihli 2027/161 sayılı kararıyla değiştirilerek kabul edildi',
    );
    expect(await mailWith(coSigner.email, 'Genel Kurulda kabul edildi')).toContain(
      'Ortak imzacısı olduğunuz',
    );
    expect(await mailWith(inAssembly.email, 'item 4')).toContain(
      'of the assembly or working group you belong to is item 4 on the agenda of the General Assembly meeting on 20 February 2027',
    );
    expect(await mailWith(inAssembly.email, '2027/161')).toContain('accepted with amendments');
    // Each of them hears each step once (the submitter, also in the assembly, as submitter).
    const aboutIt = (email: string) => mailsTo(email).filter((mail) => mail.includes(data.motionId));
    for (const person of [submitter, coSigner, inAssembly])
      await waitFor(() => aboutIt(person.email).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const person of [submitter, coSigner, inAssembly]) expect(aboutIt(person.email)).toHaveLength(3);
    expect(aboutIt(suspended.email)).toHaveLength(0);
    expect(aboutIt(outside.email)).toHaveLength(0);

    const webhooks = await waitFor(() => {
      const found = hooks.requests.filter((r) => r.body.includes(data.motionId));
      return found.length === 2 ? found : undefined;
    });
    for (const request of webhooks) {
      expect(request.body).not.toContain('submittedBy');
      expect(request.body).not.toContain(submitter.memberId);
      expect(request.body).not.toContain(coSigner.memberId);
    }
  });

  it('when a co-signer unsubscribed, then the next notice to them is skipped while the submitter still hears of it', async () => {
    const [submitter, coSigner] = await Promise.all([member('tr'), member('en')]);
    const data = motion({ submitterId: submitter.memberId, coSponsorIds: [coSigner.memberId] });
    await app.deliver('motions.motion.submitted', {
      ...data,
      revision: 1,
      submittedAt: '2027-01-10T09:00:00Z',
    });
    const receipt = await mailWith(coSigner.email, 'now before the Executive Board');
    const token = /unsubscribe\?token=([\w.-]+)/.exec(receipt)![1]!;
    const response = await fetch(`${app.service.url}/v1/notifications/unsubscribe?token=${token}`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);

    const merged = await app.deliver('motions.motion.merged', {
      ...data,
      mergedIntoId: randomUUID(),
      mergedIntoTitle: 'İzmir kıyı bandında bisiklet ağı',
      mergedAt: '2027-01-15T09:00:00Z',
    });
    expect(await mailWith(submitter.email, 'birleştirildi')).toContain(
      '"İzmir kıyı bandında bisiklet ağı" önergesiyle birleştirildi',
    );
    const rows = await waitFor(async () => {
      const found = await notificationsOf(merged.id);
      return found.length === 2 ? found : undefined;
    });
    expect(rows.find((row) => row.recipientId === coSigner.memberId)!.status).toBe('skipped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(coSigner.email).filter((mail) => mail.includes(data.motionId))).toHaveLength(1);
  });

  it('when a motion of an assembly is withdrawn, then its submitter, co-signers and the body’s active members hear it once, in their language, with what they can do next, and a redelivery sends nothing twice', async () => {
    const [submitter, coSigner, lateCoSigner, inAssembly] = await Promise.all([
      member('tr'),
      member('en'),
      member('tr'),
      member('en'),
    ]);
    const assembly = randomUUID();
    await app.deliver('membership.body.created', {
      bodyId: assembly,
      kind: 'working-group',
      name: 'Ulaşım Çalışma Grubu',
      createdAt: new Date().toISOString(),
    });
    for (const person of [submitter, inAssembly])
      await app.deliver('membership.body-membership.changed', {
        bodyId: assembly,
        memberId: person.memberId,
        change: 'joined',
        on: '2026-01-10',
      });
    await waitFor(
      async () => (await app.prisma.audienceBodyMembership.count({ where: { bodyId: assembly } })) === 2,
    );
    const data = motion({
      submitterId: submitter.memberId,
      coSponsorIds: [coSigner.memberId],
      bodyId: assembly,
    });
    const submittedBy = { ...data.submittedBy!, coSponsorIds: [coSigner.memberId, lateCoSigner.memberId] };

    const withdrawn = await app.deliver('motions.motion.withdrawn', {
      motionId: data.motionId,
      title: data.title,
      topic: data.topic,
      submittedBy,
      withdrawnAt: '2027-02-15T08:00:00Z',
    });
    const toSubmitter = await mailWith(submitter.email, 'geri çekildi');
    expect(toSubmitter).toContain(
      'Sunduğunuz "Kordon bisiklet yolu" önergesi 15 Şubat 2027 tarihinde geri çekildi',
    );
    expect(toSubmitter).toContain('gündemden çıkarıldı');
    expect(toSubmitter).toContain('Önergeyi siz geri çekmediyseniz Yürütme Kurulundan bilgi alabilirsiniz');
    expect(toSubmitter).toContain('yeni bir önerge hazırlayabilirsiniz');
    expect(toSubmitter).toContain(data.motionId);
    const toCoSigner = await mailWith(coSigner.email, 'was withdrawn');
    expect(toCoSigner).toContain(
      'The motion "Kordon bisiklet yolu" that you co-signed was withdrawn on 15 February 2027',
    );
    expect(toCoSigner).toContain('a new motion can be drafted');
    expect(toCoSigner).toMatch(/List-Unsubscribe:/i);
    expect(await mailWith(lateCoSigner.email, 'geri çekildi')).toContain('Ortak imzacısı olduğunuz');
    expect(await mailWith(inAssembly.email, 'was withdrawn')).toContain(
      'of the assembly or working group you belong to was withdrawn',
    );

    const rows = await notificationsOf(withdrawn.id);
    expect(
      rows
        .map((row) => `${row.recipientId}/${row.channel}/${(row.variables as { role: string }).role}`)
        .sort(),
    ).toEqual(
      [
        `${submitter.memberId}/email/submitter`,
        `${coSigner.memberId}/email/co_sponsor`,
        `${lateCoSigner.memberId}/email/co_sponsor`,
        `${inAssembly.memberId}/email/body`,
      ].sort(),
    );
    expect(rows.every((row) => row.template === 'own-motion-withdrawn')).toBe(true);

    const again = await app.redeliver(withdrawn, `${withdrawn.id}-again`);
    await waitFor(async () => (await again.isCompleted()) || undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const aboutWithdrawal = (email: string) =>
      mailsTo(email).filter(
        (mail) => mail.includes(data.motionId) && /geri çekildi|was withdrawn/.test(mail),
      );
    for (const person of [submitter, coSigner, lateCoSigner, inAssembly])
      expect(aboutWithdrawal(person.email)).toHaveLength(1);
    expect(await app.prisma.notification.count({ where: { eventId: withdrawn.id } })).toBe(4);
  });

  it('when a draft that was never submitted is withdrawn (the event names nobody), then nobody is told', async () => {
    const withdrawn = await app.deliver('motions.motion.withdrawn', {
      ...motion(),
      withdrawnAt: '2027-02-15T08:00:00Z',
    });
    await waitFor(() => app.prisma.inboxMessage.findUnique({ where: { messageId: withdrawn.id } }));
    expect(await notificationsOf(withdrawn.id)).toEqual([]);
  });

  it('when a motion event from before `submittedBy` arrives, then it is handled: staff notices and webhooks as before, nobody else', async () => {
    const rejected = await app.deliver('motions.motion.rejected', {
      ...motion(),
      stage: 'review',
      reasons: ['Konu belediyenin görev alanında değil.'],
      rejectedAt: '2027-01-12T09:00:00Z',
    });
    const sent = await app.deliver('motions.motion.sent', {
      ...motion(),
      letterNumber: 'E-2027/0042',
      sentOn: '2027-03-01',
    });
    for (const envelope of [rejected, sent])
      await waitFor(() => app.prisma.inboxMessage.findUnique({ where: { messageId: envelope.id } }));
    expect(await notificationsOf(rejected.id)).toEqual([]);
    expect((await notificationsOf(sent.id)).map((row) => row.template)).toEqual(['motion-sent']);
  });
});
