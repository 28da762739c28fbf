import { randomUUID } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startMotions, type Json } from './start-motions.js';

describe('a motion from draft to the municipal council’s decision', () => {
  let motions: Awaited<ReturnType<typeof startMotions>>;
  beforeAll(async () => {
    motions = await startMotions('motions_paths');
  });
  afterAll(() => motions.stop());

  const gaBodyId = randomUUID();
  const member = (sub: string) => motions.token(sub, ['member']);
  // Token subjects are member or account ids, UUIDs, as membership issues them (events carry them).
  const boardMemberId = randomUUID();
  const board = () => motions.token(boardMemberId, ['executive-board']);
  const staff = () => motions.token(randomUUID(), ['staff']);
  const post = async (path: string, token: string, body: unknown = {}) =>
    motions.call('POST', path, { token, body });
  const state = async (id: string) =>
    (await motions.prisma.motion.findUniqueOrThrow({ where: { id } })).state;
  const eventsOf = async (id: string) =>
    (await motions.outbox()).filter(
      (row) => row.envelope.data.motionId === id || row.envelope.data.subject?.id === id,
    );

  /** A member motion with its three co-sponsors, submitted. */
  const submitted = async (title = 'Alsancak’ta yayalaştırma önerisi') => {
    const submitter = randomUUID();
    const created = await post('/v1/motions', await member(submitter), {
      title,
      text: 'Kıbrıs Şehitleri Caddesi’nin tamamı yayalaştırılsın; ışıklı kavşaklar düzenlensin.',
      rationale: 'Yaya güvenliği ve esnafın görüşü.',
      topic: 'transport',
      origin: { kind: 'members' },
      displayName: 'Ayşe Yılmaz',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const name of ['Gülşen Işık', 'İsmail Çağlar', 'Şükrü Öz'])
      expect(
        (
          await post(`/v1/motions/${id}/co-sponsors`, await member(randomUUID()), {
            displayName: name,
          })
        ).status,
      ).toBe(200);
    expect((await post(`/v1/motions/${id}/submit`, await member(submitter))).status).toBe(200);
    return { id, submitter };
  };
  const review = async (id: string, body: Json) => post(`/v1/motions/${id}/review`, await board(), body);
  const accepted = async (title?: string) => {
    const motion = await submitted(title);
    expect((await review(motion.id, { action: 'start-review' })).status).toBe(200);
    expect((await review(motion.id, { action: 'accept' })).status).toBe(200);
    return motion;
  };
  const agenda = async (meetingOn = '2027-02-20') =>
    (await post('/v1/agendas', await board(), { bodyId: gaBodyId, meetingOn, title: 'Olağan Genel Kurul' }))
      .body.id as string;
  const voted = async (counts: { yes: number; no: number; abstain: number }, title?: string) => {
    const motion = await accepted(title);
    const agendaId = await agenda();
    expect(
      (await post(`/v1/agendas/${agendaId}/motions`, await board(), { motionId: motion.id })).status,
    ).toBe(200);
    const poll = await post(`/v1/motions/${motion.id}/poll`, await board(), {});
    expect(poll.status).toBe(202);
    expect((await motions.decidePoll(motion.id, counts)).outcome).toBe('handled');
    return { ...motion, agendaId, pollId: poll.body.pollId as string };
  };
  const meeting = async (meetingOn: string) =>
    (await post('/v1/municipal-meetings', await staff(), { meetingOn })).body.id as string;
  const recordAgenda = async (meetingId: string, items: { motionId: string; agendaItem: string }[]) =>
    motions.call('PUT', `/v1/municipal-meetings/${meetingId}/agenda`, {
      token: await staff(),
      body: { items },
    });

  it('when a motion is adopted, sent, referred to a commission and then accepted, then every step is recorded, announced and public', async () => {
    const motion = await voted({ yes: 31, no: 9, abstain: 4 }, 'Çiğli’ye gölgelikli otobüs durağı');
    const pollCommand = (await eventsOf(motion.id)).find((row) => row.type === 'elections.poll.open')!;
    expect(pollCommand.envelope.data).toMatchObject({
      pollId: motion.pollId,
      subject: { kind: 'motion', id: motion.id },
      bodyId: gaBodyId,
      visibility: 'open',
      majority: 'present',
    });
    expect(await state(motion.id)).toBe('adopted');

    const agendaView = await motions.call('GET', `/v1/public/agendas/${motion.agendaId}`);
    expect(agendaView.body.items).toEqual([
      expect.objectContaining({
        position: 1,
        motionId: motion.id,
        poll: expect.objectContaining({ pollId: motion.pollId, outcome: 'adopted', yes: 31 }),
      }),
    ]);

    const sent = await post(`/v1/motions/${motion.id}/send`, await board(), {
      letterNumber: 'E-2027/0042',
      letterDate: '2027-03-01',
      receivedOn: '2027-03-02',
    });
    expect(sent.status).toBe(200);
    expect(sent.body.letter).toEqual({ number: 'E-2027/0042', date: '2027-03-01', receivedOn: '2027-03-02' });

    const pdf = await motions.request('GET', `/v1/public/motions/${motion.id}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('E-2027/0042');
    expect(text).toContain('01.03.2027');
    expect(text).toContain('Çiğli’ye gölgelikli otobüs durağı');
    expect(text).toContain('kabul edilmiştir');
    expect(text).toContain('31 kabul, 9 ret, 4 çekimser');
    expect(text).toMatch(/BELEDİYE BAŞKANLIĞI/);
    expect(text).toContain('yayalaştırılsın; ışıklı kavşaklar');

    motions.setToday('2027-03-05');
    const first = await meeting('2027-03-04');
    expect((await recordAgenda(first, [{ motionId: motion.id, agendaItem: '12' }])).status).toBe(204);
    const referred = await post(`/v1/motions/${motion.id}/municipal-decision`, await staff(), {
      outcome: 'referred-to-commission',
      decisionNumber: '2027/118',
      decidedOn: '2027-03-04',
      text: 'İmar ve Ulaşım komisyonlarına havale edildi.',
    });
    expect(referred.body.state).toBe('in-commission');
    const later = await meeting('2027-04-01');
    expect((await recordAgenda(later, [{ motionId: motion.id, agendaItem: '7' }])).status).toBe(204);
    const decided = await post(`/v1/motions/${motion.id}/municipal-decision`, await board(), {
      outcome: 'accepted',
      decisionNumber: '2027/161',
      decidedOn: '2027-04-01',
      text: 'Komisyon raporu doğrultusunda kabul edildi.',
    });
    expect(decided.body).toMatchObject({
      state: 'decided',
      municipal: {
        outcome: 'accepted',
        decisionNumber: '2027/161',
        decidedOn: '2027-04-01',
        meetingOn: '2027-03-04',
      },
      overdue: null,
    });
    expect((await post(`/v1/motions/${motion.id}/close`, await staff())).body.state).toBe('closed');

    expect((await eventsOf(motion.id)).map((row) => row.type)).toEqual([
      'motions.motion.submitted',
      'motions.motion.scheduled',
      'elections.poll.open',
      'motions.motion.adopted',
      'motions.motion.sent',
      'motions.motion.decided',
      'motions.motion.decided',
    ]);
    const history = (
      await motions.prisma.motionTransition.findMany({
        where: { motionId: motion.id },
        orderBy: { at: 'asc' },
      })
    ).map((step) => `${step.action}:${step.actorRole}`);
    expect(history).toEqual([
      'create:member',
      'co-sponsor:member',
      'co-sponsor:member',
      'co-sponsor:member',
      'submit:member',
      'start-review:executive-board',
      'accept:executive-board',
      'schedule:executive-board',
      'open-poll:executive-board',
      'record-poll-adopted:system',
      'send:executive-board',
      'record-municipal-agenda:staff',
      'refer-to-commission:staff',
      'record-municipal-agenda:staff',
      'record-municipal-decision:executive-board',
      'close:staff',
    ]);

    const publicView = await motions.call('GET', `/v1/public/motions/${motion.id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.coSponsors).toEqual([
      { displayName: 'Gülşen Işık' },
      { displayName: 'İsmail Çağlar' },
      { displayName: 'Şükrü Öz' },
    ]);
    expect(JSON.stringify(publicView.body)).not.toContain(motion.submitter);
    expect(JSON.stringify(publicView.body)).not.toContain(boardMemberId);

    const feed = await motions.request('GET', '/v1/public/feed.atom');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('Genel Kurul kararı: Çiğli’ye gölgelikli otobüs durağı');
    expect(xml).toContain('Karar 2027/161 (2027-04-01): kabul edildi.');
  });

  it('when the Executive Board returns a motion, then the submitter revises and resubmits it and every revision is kept', async () => {
    const { id, submitter } = await submitted('Bornova’da kreş');
    await review(id, { action: 'start-review' });
    const returned = await review(id, { action: 'return', reasons: ['Maliyet tahmini eksik.'] });
    expect(returned.body.state).toBe('returned');
    const revised = await post(`/v1/motions/${id}/revisions`, await member(submitter), {
      rationale: 'Maliyet: 4 milyon TL (ekte).',
      note: 'Yürütme Kurulu’nun istediği maliyet eklendi.',
    });
    expect(revised.body.revision).toBe(2);
    expect((await post(`/v1/motions/${id}/submit`, await member(submitter))).body.state).toBe('submitted');
    const view = (await motions.call('GET', `/v1/motions/${id}`, { token: await board() })).body;
    expect(view.revisions.map((r: Json) => r.rationale)).toEqual([
      'Yaya güvenliği ve esnafın görüşü.',
      'Maliyet: 4 milyon TL (ekte).',
    ]);
    expect((await eventsOf(id)).map((row) => row.type)).toEqual([
      'motions.motion.submitted',
      'motions.motion.returned',
      'motions.motion.submitted',
    ]);
  });

  it('when a motion is merged into another, then it ends merged and the two are related', async () => {
    const target = await submitted('Karşıyaka sahil bisiklet yolu');
    const source = await submitted('Karşıyaka bisiklet yolu uzatılsın');
    await review(source.id, { action: 'start-review' });
    const merged = await review(source.id, { action: 'merge', intoMotionId: target.id });
    expect(merged.body).toMatchObject({ state: 'merged', mergedIntoId: target.id });
    expect(merged.body.relatedMotionIds).toEqual([target.id]);
    const self = await submitted();
    await review(self.id, { action: 'start-review' });
    expect((await review(self.id, { action: 'merge', intoMotionId: self.id })).status).toBe(422);
    expect(await state(self.id)).toBe('under-review');
  });

  it('when the Executive Board rejects a motion at review, then it is rejected with the reasons and announced', async () => {
    const { id } = await submitted();
    await review(id, { action: 'start-review' });
    const rejected = await review(id, {
      action: 'reject',
      reasons: ['Kent konseyinin görev alanı dışında.'],
    });
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.history.at(-1)).toMatchObject({
      action: 'reject',
      reason: 'Kent konseyinin görev alanı dışında.',
    });
    const event = (await eventsOf(id)).at(-1)!;
    expect(event).toMatchObject({
      type: 'motions.motion.rejected',
      envelope: { data: { stage: 'review', reasons: ['Kent konseyinin görev alanı dışında.'] } },
    });
    expect((await post(`/v1/motions/${id}/submit`, await member('anyone'))).status).toBe(409);
  });

  it('when the General Assembly rejects a motion, then it cannot be sent', async () => {
    const motion = await voted({ yes: 5, no: 30, abstain: 2 });
    expect(await state(motion.id)).toBe('rejected');
    const send = await post(`/v1/motions/${motion.id}/send`, await board(), {
      letterNumber: 'E-1',
      letterDate: '2027-03-01',
    });
    expect(send.status).toBe(409);
    expect(send.body).toMatchObject({ code: 'illegal-transition' });
    expect(send.body.detail).toContain('rejected');
    expect((await motions.request('GET', `/v1/public/motions/${motion.id}/letter.pdf`)).status).toBe(404);
  });

  it('when the first municipal meeting after receipt passes without a motion, then it alone is flagged overdue and announced once', async () => {
    motions.setToday('2027-05-01');
    const onTime = await voted({ yes: 20, no: 1, abstain: 0 });
    const late = await voted({ yes: 20, no: 1, abstain: 0 });
    const pending = await voted({ yes: 20, no: 1, abstain: 0 });
    for (const [motion, receivedOn] of [
      [onTime, '2027-05-03'],
      [late, '2027-05-03'],
      [pending, '2027-06-10'],
    ] as const)
      await post(`/v1/motions/${motion.id}/send`, await board(), {
        letterNumber: `E-${randomUUID().slice(0, 6)}`,
        letterDate: '2027-05-02',
        receivedOn,
      });
    const june = await meeting('2027-06-07');
    await meeting('2027-07-05');
    const premature = await recordAgenda(june, [{ motionId: pending.id, agendaItem: '1' }]);
    expect(premature.status).toBe(409);
    expect(await state(pending.id)).toBe('sent');

    expect((await recordAgenda(june, [{ motionId: onTime.id, agendaItem: '4' }])).status).toBe(204);
    const overdueOf = async (id: string) =>
      (await motions.call('GET', `/v1/public/motions/${id}`)).body.overdue;
    expect(await overdueOf(onTime.id)).toBeNull();
    expect(await overdueOf(late.id)).toMatchObject({ firstMeetingOn: '2027-06-07' });
    expect(await overdueOf(pending.id)).toBeNull();
    expect((await eventsOf(late.id)).filter((row) => row.type === 'motions.motion.overdue')).toEqual([
      expect.objectContaining({
        envelope: expect.objectContaining({
          data: expect.objectContaining({ sentOn: '2027-05-02', firstMeetingOn: '2027-06-07' }),
        }),
      }),
    ]);

    // The periodic check: July's meeting passes with no agenda recorded for it.
    const { checkOverdueMotions } = await import('../src/app/flag-overdue-motions.js');
    expect(await checkOverdueMotions(motions.prisma, '2027-07-05')).toEqual([]);
    expect(await checkOverdueMotions(motions.prisma, '2027-07-06')).toEqual([pending.id]);
    expect(await checkOverdueMotions(motions.prisma, '2027-07-07')).toEqual([]);
    expect((await eventsOf(late.id)).filter((row) => row.type === 'motions.motion.overdue')).toHaveLength(1);

    const report = (await motions.call('GET', '/v1/public/reports/motions?topic=transport')).body;
    expect(report.overdue.map((row: Json) => row.motionId).sort()).toEqual([late.id, pending.id].sort());
    expect(report.total.byState.sent).toBeGreaterThanOrEqual(2);
  });

  it('when an action is illegal in the state or taken by the wrong role, then 409 or 403 with the reason and nothing changes', async () => {
    const { id, submitter } = await submitted();
    const before = (await motions.outbox()).length;
    const early = await review(id, { action: 'accept' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('under-review');
    const byMember = await post(`/v1/motions/${id}/review`, await member(submitter), {
      action: 'start-review',
    });
    expect(byMember.status).toBe(403);
    const byStaff = await post(`/v1/motions/${id}/send`, await staff(), {
      letterNumber: 'E-1',
      letterDate: '2027-03-01',
    });
    expect(byStaff.status).toBe(403);
    const stranger = await submitted();
    await review(stranger.id, { action: 'start-review' });
    await review(stranger.id, { action: 'return', reasons: ['Eksik.'] });
    const notTheirs = await post(`/v1/motions/${stranger.id}/revisions`, await member(submitter), {
      text: 'Başkasının metni',
    });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('not-submitter');
    expect(await state(id)).toBe('submitted');
    // Only the other motion's own return and submission were written.
    expect((await motions.outbox()).length).toBe(before + 2);
  });

  it('when a member motion lacks co-sponsors or the input is bad, then the reason or the field is named', async () => {
    const submitter = randomUUID();
    const draft = await post('/v1/motions', await member(submitter), {
      title: 'Tek başına önerge',
      text: 'Metin',
      rationale: 'Gerekçe',
      topic: 'culture',
      origin: { kind: 'members' },
      displayName: 'Ali Veli',
    });
    const lonely = await post(`/v1/motions/${draft.body.id}/submit`, await member(submitter));
    expect(lonely.status).toBe(409);
    expect(lonely.body).toMatchObject({ code: 'too-few-cosponsors' });
    expect(lonely.body.detail).toContain('needs 3');
    expect(await state(draft.body.id)).toBe('draft');

    const bad = await post('/v1/motions', await member(submitter), {
      title: 'x',
      topic: 'weather',
      origin: { kind: 'members' },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.title', 'body.topic', 'body.text', 'body.displayName']),
    );
    const boardOrigin = await post('/v1/motions', await member(submitter), {
      ...draftBody(),
      origin: { kind: 'executive-board' },
    });
    expect(boardOrigin.status).toBe(403);
    expect((await motions.call('POST', '/v1/motions', { body: draftBody() })).status).toBe(401);
    expect((await motions.call('GET', `/v1/public/motions/${draft.body.id}`)).status).toBe(404);
  });

  it('when a file is attached, then it is stored by its hash and served back; a file of another type is refused', async () => {
    const submitter = randomUUID();
    const draft = await post('/v1/motions', await member(submitter), draftBody());
    const content = Buffer.from('Maliyet tablosu: 4.000.000 TL\n');
    const upload = await motions.call(
      'POST',
      `/v1/motions/${draft.body.id}/attachments?fileName=maliyet.txt`,
      {
        token: await member(submitter),
        raw: content,
        contentType: 'text/plain',
      },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.sizeBytes).toBe(content.length);
    const refused = await motions.call('POST', `/v1/motions/${draft.body.id}/attachments?fileName=x.exe`, {
      token: await member(submitter),
      raw: Buffer.from('MZ'),
      contentType: 'application/x-msdownload',
    });
    expect(refused.status).toBe(422);
    await post(`/v1/motions/${draft.body.id}/submit`, await member(submitter));
    const boardSubmit = await post('/v1/motions', await board(), {
      ...draftBody(),
      origin: { kind: 'executive-board' },
    });
    expect(boardSubmit.status).toBe(201);
    expect((await post(`/v1/motions/${boardSubmit.body.id}/submit`, await board())).status).toBe(200);
    const download = await motions.request(
      'GET',
      `/v1/public/motions/${boardSubmit.body.id}/attachments/${upload.body.id}`,
    );
    expect(download.status).toBe(404);
  });
});

const draftBody = () => ({
  title: 'Konak’ta gece otobüsü',
  text: 'Gece 01.00–05.00 arası sefer.',
  rationale: 'Vardiyalı çalışanlar.',
  topic: 'transport',
  origin: { kind: 'members' },
  displayName: 'Zeynep Ünlü',
});

async function pdfText(data: Buffer): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}
