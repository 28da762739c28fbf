import { randomUUID } from 'node:crypto';
import { startNotifications } from './start-notifications.js';

async function waitFor<T>(probe: () => Promise<T | undefined | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('notifications without an SMS gateway', () => {
  let app: Awaited<ReturnType<typeof startNotifications>>;

  beforeAll(async () => {
    app = await startNotifications('no_sms_gateway');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('when voting opens for a member with a phone, then the e-mail is planned and no SMS that could only fail', async () => {
    const memberId = randomUUID();
    const generalAssembly = randomUUID();
    await app.deliver('membership.body.created', {
      bodyId: generalAssembly,
      kind: 'general-assembly',
      name: 'Genel Kurul',
      createdAt: new Date().toISOString(),
    });
    await app.deliver('membership.contact.changed', {
      subjectKind: 'member',
      subjectId: memberId,
      email: `${memberId.slice(0, 8)}@uye.example.org`,
      phone: '+905551112233',
      language: 'tr',
      changedAt: new Date().toISOString(),
    });
    await app.deliver('membership.member.admitted', {
      memberId,
      kind: 'individual',
      displayName: 'Ayşe Yılmaz',
      gender: 'female',
      bodies: [],
      admittedAt: new Date().toISOString(),
    });
    await waitFor(() => app.prisma.audienceMember.findUnique({ where: { memberId } }));
    const electionId = randomUUID();
    await app.deliver('elections.election.announced', {
      electionId,
      title: 'Başkan seçimi',
      office: 'president',
      bodyId: generalAssembly,
      votingOn: '2026-05-20',
      candidacyOpensOn: '2026-05-01',
      candidacyClosesOn: '2026-05-10',
    });
    await waitFor(() => app.prisma.audienceElection.findUnique({ where: { electionId } }));
    await app.deliver('elections.voting.opened', { electionId, round: 1, title: 'Başkan seçimi' });
    const planned = await waitFor(async () => {
      const rows = await app.prisma.notification.findMany({
        where: { eventType: 'elections.voting.opened', recipientId: memberId },
      });
      return rows.length > 0 ? rows : undefined;
    });
    expect(planned.map((row) => row.channel)).toEqual(['email']);
  }, 30_000);
});
