import { randomUUID } from 'node:crypto';
import { parseMessage } from '@konsey/contracts';
import { checkOverdueMotions } from '../src/app/flag-overdue-motions.js';
import { startMotions, type Json } from './start-motions.js';

/** Events that concern the people a motion comes from. */
const ABOUT_SUBMITTERS = [
  'motions.motion.withdrawn',
  'motions.motion.submitted',
  'motions.motion.returned',
  'motions.motion.rejected',
  'motions.motion.merged',
  'motions.motion.scheduled',
  'motions.motion.adopted',
  'motions.motion.sent',
  'motions.motion.decided',
  'motions.motion.overdue',
];

describe('motion events carry who the motion comes from', () => {
  let motions: Awaited<ReturnType<typeof startMotions>>;
  beforeAll(async () => {
    motions = await startMotions('motions_submitters');
  });
  afterAll(() => motions.stop());

  const names = ['Ayşe Yılmaz', 'Gülşen Işık', 'İsmail Çağlar', 'Şükrü Öz'];
  const board = () => motions.token(randomUUID(), ['executive-board']);
  const staff = () => motions.token(randomUUID(), ['staff']);
  const post = async (path: string, token: string, body: unknown = {}) => {
    const response = await motions.call('POST', path, { token, body });
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const eventsOf = async (id: string) =>
    (await motions.outbox()).filter((row) => row.envelope.data.motionId === id);

  /** A motion drafted by a member, co-signed by three others when it is a motion of members, submitted. */
  const submitted = async (origin: Json = { kind: 'members' }) => {
    const submitterId = randomUUID();
    const as = (sub: string) => motions.token(sub, ['member']);
    const { id } = await post('/v1/motions', await as(submitterId), {
      title: 'Bayraklı’da gece kütüphanesi',
      text: 'Bayraklı’da bir kütüphane gece 24.00’e kadar açık kalsın.',
      rationale: 'Öğrencilerin çalışma yeri.',
      topic: 'culture',
      origin,
      displayName: names[0],
    });
    const coSponsorIds: string[] = [];
    if (origin.kind === 'members')
      for (const name of names.slice(1)) {
        const coSponsorId = randomUUID();
        coSponsorIds.push(coSponsorId);
        await post(`/v1/motions/${id}/co-sponsors`, await as(coSponsorId), { displayName: name });
      }
    await post(`/v1/motions/${id}/submit`, await as(submitterId));
    return { id: id as string, submitterId, coSponsorIds, as };
  };
  const review = async (id: string, body: Json) => post(`/v1/motions/${id}/review`, await board(), body);
  const onAgenda = async (id: string) => {
    await review(id, { action: 'start-review' });
    await review(id, { action: 'accept' });
    const agenda = await post('/v1/agendas', await board(), {
      bodyId: randomUUID(),
      meetingOn: '2027-02-20',
      title: 'Olağan Genel Kurul',
    });
    await post(`/v1/agendas/${agenda.id}/motions`, await board(), { motionId: id });
  };
  const voted = async (id: string, counts: { yes: number; no: number; abstain: number }) => {
    await onAgenda(id);
    await post(`/v1/motions/${id}/poll`, await board());
    expect((await motions.decidePoll(id, counts)).outcome).toBe('handled');
  };

  /** Every event of the motion is valid against the catalogue and names the same people, by id only. */
  const expectSubmittersIn = async (id: string, submittedBy: Json, types: string[]) => {
    const events = await eventsOf(id);
    expect(events.map((row) => row.type)).toEqual(types);
    for (const row of events) {
      const parsed = parseMessage(row.envelope);
      expect(parsed).toMatchObject({ ok: true });
      const carried = row.envelope.data.submittedBy as Json;
      // Co-signers are listed in signing order; two signing in the same millisecond may come either way.
      expect({ ...carried, coSponsorIds: [...carried.coSponsorIds].sort() }).toEqual({
        ...submittedBy,
        coSponsorIds: [...submittedBy.coSponsorIds].sort(),
      });
      for (const name of names) expect(JSON.stringify(row.envelope)).not.toContain(name);
    }
    expect(events.every((row) => ABOUT_SUBMITTERS.includes(row.type))).toBe(true);
  };

  it('when a member motion goes from submission to the municipal decision, then every event names its submitter and co-signers', async () => {
    const motion = await submitted();
    await review(motion.id, { action: 'start-review' });
    await review(motion.id, { action: 'return', reasons: ['Maliyet tahmini eksik.'] });
    await post(`/v1/motions/${motion.id}/revisions`, await motion.as(motion.submitterId), {
      rationale: 'Maliyet: 2 milyon TL.',
    });
    await post(`/v1/motions/${motion.id}/submit`, await motion.as(motion.submitterId));
    await voted(motion.id, { yes: 30, no: 2, abstain: 1 });
    await post(`/v1/motions/${motion.id}/send`, await board(), {
      letterNumber: 'E-2027/0100',
      letterDate: '2027-03-01',
      receivedOn: '2027-03-02',
    });
    motions.setToday('2027-03-10');
    const meeting = await post('/v1/municipal-meetings', await staff(), { meetingOn: '2027-03-04' });
    const agenda = await motions.call('PUT', `/v1/municipal-meetings/${meeting.id}/agenda`, {
      token: await staff(),
      body: { items: [{ motionId: motion.id, agendaItem: '9' }] },
    });
    expect(agenda.status).toBe(204);
    await post(`/v1/motions/${motion.id}/municipal-decision`, await staff(), {
      outcome: 'accepted',
      decisionNumber: '2027/120',
      decidedOn: '2027-03-04',
      text: 'Kabul edildi.',
    });

    await expectSubmittersIn(
      motion.id,
      { submitterId: motion.submitterId, coSponsorIds: motion.coSponsorIds },
      [
        'motions.motion.submitted',
        'motions.motion.returned',
        'motions.motion.submitted',
        'motions.motion.scheduled',
        'motions.motion.adopted',
        'motions.motion.sent',
        'motions.motion.decided',
      ],
    );
  });

  it('when a motion of an assembly is merged, then the events name its submitter and the assembly, and the merge names the motion that carries it on', async () => {
    const assembly = randomUUID();
    const target = await submitted();
    const motion = await submitted({ kind: 'assembly', bodyId: assembly, name: 'Gençlik Meclisi' });
    await review(motion.id, { action: 'start-review' });
    await review(motion.id, { action: 'merge', intoMotionId: target.id });

    const submittedBy = { submitterId: motion.submitterId, coSponsorIds: [], bodyId: assembly };
    await expectSubmittersIn(motion.id, submittedBy, ['motions.motion.submitted', 'motions.motion.merged']);
    expect((await eventsOf(motion.id)).at(-1)!.envelope.data).toMatchObject({
      mergedIntoId: target.id,
      mergedIntoTitle: 'Bayraklı’da gece kütüphanesi',
    });
  });

  it('when motions are rejected at review or by the General Assembly, or the municipality lets one go overdue, then those events name the submitters too', async () => {
    const atReview = await submitted();
    await review(atReview.id, { action: 'start-review' });
    await review(atReview.id, { action: 'reject', reasons: ['Görev alanı dışında.'] });
    const byAssembly = await submitted();
    await voted(byAssembly.id, { yes: 2, no: 30, abstain: 1 });
    const late = await submitted();
    await voted(late.id, { yes: 30, no: 2, abstain: 1 });
    await post(`/v1/motions/${late.id}/send`, await board(), {
      letterNumber: 'E-2027/0200',
      letterDate: '2027-05-02',
      receivedOn: '2027-05-03',
    });
    await post('/v1/municipal-meetings', await staff(), { meetingOn: '2027-06-07' });
    expect(await checkOverdueMotions(motions.prisma, '2027-06-08')).toEqual([late.id]);

    const of = (motion: typeof atReview) => ({
      submitterId: motion.submitterId,
      coSponsorIds: motion.coSponsorIds,
    });
    await expectSubmittersIn(atReview.id, of(atReview), [
      'motions.motion.submitted',
      'motions.motion.rejected',
    ]);
    await expectSubmittersIn(byAssembly.id, of(byAssembly), [
      'motions.motion.submitted',
      'motions.motion.scheduled',
      'motions.motion.rejected',
    ]);
    await expectSubmittersIn(late.id, of(late), [
      'motions.motion.submitted',
      'motions.motion.scheduled',
      'motions.motion.adopted',
      'motions.motion.sent',
      'motions.motion.overdue',
    ]);
  });

  it('when a submitted motion is withdrawn, then the withdrawal names its submitter and co-signers; a draft withdrawn names nobody', async () => {
    const motion = await submitted();
    await post(`/v1/motions/${motion.id}/withdraw`, await motion.as(motion.submitterId));
    await expectSubmittersIn(
      motion.id,
      { submitterId: motion.submitterId, coSponsorIds: motion.coSponsorIds },
      ['motions.motion.submitted', 'motions.motion.withdrawn'],
    );

    const author = randomUUID();
    const { id: draft } = await post('/v1/motions', await motion.as(author), {
      title: 'Karşıyaka’da bisiklet park yeri',
      text: 'İskeleye bisiklet park yeri yapılsın.',
      rationale: 'Bisikletliler iskelede park yeri bulamıyor.',
      topic: 'transport',
      origin: { kind: 'members' },
      displayName: names[0],
    });
    await post(`/v1/motions/${draft}/withdraw`, await motion.as(author));
    const events = await eventsOf(draft);
    expect(events.map((row) => row.type)).toEqual(['motions.motion.withdrawn']);
    expect(parseMessage(events[0]!.envelope)).toMatchObject({ ok: true });
    expect(events[0]!.envelope.data).not.toHaveProperty('submittedBy');
  });
});
