import { createHash } from 'node:crypto';
import { lotKey } from '../src/domain/draw-lots.js';
import { canonicalJson } from '../src/elections/app/canonical-json.js';
import { pdfText, startElections, type Json } from './elections-harness.js';

describe('elections lifecycle over HTTP', () => {
  let env: Awaited<ReturnType<typeof startElections>>;
  let staff: string;
  let generalAssembly: string;
  let executiveBoard: string;
  let womensAssembly: string;
  const people: Record<string, string> = {};
  const committee: string[] = [];

  beforeAll(async () => {
    env = await startElections('elections_lifecycle');
    staff = await env.token('staff-1', ['staff']);
    generalAssembly = await env.roster.body('general-assembly', 'Genel Kurul');
    executiveBoard = await env.roster.body('executive-board', 'Yürütme Kurulu');
    womensAssembly = await env.roster.body('assembly', 'Kadın Meclisi');
    const women = [
      'Gülşen Işıkoğlu',
      'İlknur Çağlayan',
      'Şule Öztürk',
      'Ayşe Yılmaz',
      'Zeynep Kaya',
      'Ebru Şahin',
    ];
    const men = ['Şükrü Doğan', 'Oğuz Güneş', 'Ümit Aydın', 'Çağrı Demir', 'Barış Koç', 'Tolga Uçar'];
    for (const name of women) people[name] = await env.roster.member(name, 'female');
    for (const name of men) people[name] = await env.roster.member(name, 'male');
    // An institution votes through its full representative (whose gender it takes); one without none does not vote.
    people.chamber = await env.roster.member('Mimarlar Odası', 'female', {
      kind: 'institutional',
      representativeName: 'Nur Ekinci',
    });
    people.association = await env.roster.member('Ege Derneği', 'male', { kind: 'institutional' });
    people.suspended = await env.roster.member('Askıda Üye', 'male', { status: 'suspended' });
    people.assemblyMember = await env.roster.member('Meclis Üyesi', 'female', { bodies: [womensAssembly] });
    // Held the executive-board seat 2019–2021 and 2021–2024: term-limited for the next term.
    await env.roster.office(people['Ayşe Yılmaz']!, executiveBoard, 'executive-board', 2019, 1);
    await env.roster.office(people['Ayşe Yılmaz']!, executiveBoard, 'executive-board', 2019, 2);
    committee.push(people['Zeynep Kaya']!, people['Barış Koç']!, people['Tolga Uçar']!);
  });
  afterAll(() => env.stop());

  const committeeToken = (index: number) => env.token(committee[index]!, ['member', 'election-committee']);
  const memberToken = (name: string) => env.token(people[name]!, ['member']);
  const schedule = {
    votingDay: '2027-03-20',
    candidacyOpensOn: '2027-03-02',
    candidacyClosesOn: '2027-03-10',
    objectionsCloseOn: '2027-03-12',
    rollFreezeOn: '2027-03-15',
  };
  const step = async (id: string, action: string, token = staff) =>
    env.call('POST', `/v1/elections/${id}/transitions`, { token, body: { action } });
  const create = (body: Json) => env.call('POST', '/v1/elections', { token: staff, body });

  it('when the Executive Board is elected, then it passes every state and k of n approvals certify it once', async () => {
    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    const created = await create({
      title: 'Yürütme Kurulu seçimi 2027',
      office: 'executive-board',
      bodyId: executiveBoard,
      settings: { seats: 3, substituteSeats: 1 },
      term: { periodStart: 2024, term: 1 },
      schedule,
      committee: { memberIds: committee, threshold: 2 },
    });
    expect(created.status).toBe(201);
    const election = created.body;
    const id = election.id as string;
    expect(election).toMatchObject({
      status: 'draft',
      settings: { parity: 'zipper', maxChoices: 3, tieBreak: 'lot' },
    });
    expect(election.lotSeed).toBeNull();
    expect(election.term).toMatchObject({ start: '2027-03-20', end: '2029-03-20' });

    // Wrong state: voting cannot open from draft; the domain's reason comes in the caller's language.
    const early = await step(id, 'open-voting');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'election-illegal-transition' });
    expect(early.body.detail).toContain('taslak');
    const english = await env.call('POST', `/v1/elections/${id}/transitions`, {
      token: staff,
      body: { action: 'open-voting' },
      language: 'en',
    });
    expect(english.body.detail).toContain('must be roll frozen');

    expect((await step(id, 'announce')).body.status).toBe('announced');
    expect((await step(id, 'open-candidacy')).body.status).toBe('candidacy-open');

    // Self-nomination, and nomination by staff.
    const self = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: await memberToken('Gülşen Işıkoğlu'),
      body: { memberId: people['Gülşen Işıkoğlu'] },
    });
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ eligible: true, status: 'standing' });
    for (const name of ['İlknur Çağlayan', 'Şule Öztürk', 'Şükrü Doğan', 'Oğuz Güneş', 'Ümit Aydın'])
      expect(
        (
          await env.call('POST', `/v1/elections/${id}/candidacies`, {
            token: staff,
            body: { memberId: people[name] },
          })
        ).status,
      ).toBe(201);

    const before = (await env.outbox()).length;
    // A member cannot nominate someone else.
    const other = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: await memberToken('Çağrı Demir'),
      body: { memberId: people['Ebru Şahin'] },
    });
    expect(other).toMatchObject({ status: 403, body: { code: 'candidacy-not-own' } });
    // A term-limited candidate is refused with the terms named.
    const limited = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: staff,
      body: { memberId: people['Ayşe Yılmaz'] },
    });
    expect(limited.status).toBe(422);
    expect(limited.body.code).toBe('candidate-ineligible');
    expect(limited.body.detail).toContain(
      'Yürütme Kurulu üyeliğini 2019–2021 ve 2021–2024 dönemlerinde üst üste yürüttü',
    );
    expect(limited.body.errors).toEqual([
      expect.objectContaining({ field: 'body.memberId', code: 'term-limit' }),
    ]);
    // Outside the electorate: suspended, or an institution without a full representative.
    const suspended = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: staff,
      body: { memberId: people.suspended },
    });
    expect(suspended).toMatchObject({ status: 422, body: { code: 'candidate-ineligible' } });
    expect(suspended.body.errors[0].code).toBe('suspended');
    const association = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: staff,
      body: { memberId: people.association },
      language: 'en',
    });
    expect(association.body).toMatchObject({
      code: 'candidate-ineligible',
      detail: 'An institution stands only through its full representative',
    });
    const twice = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: staff,
      body: { memberId: people['Şule Öztürk'] },
    });
    expect(twice).toMatchObject({ status: 409, body: { code: 'candidacy-exists' } });
    expect(await env.prisma.electionCandidacy.count({ where: { electionId: id } })).toBe(6);
    expect((await env.outbox()).length).toBe(before);

    // A withdrawal, then an objection decided by the committee.
    const withdrawn = await env.call(
      'POST',
      `/v1/elections/${id}/candidacies/${people['Ümit Aydın']}/withdrawal`,
      {
        token: await memberToken('Ümit Aydın'),
        body: { reason: 'kişisel nedenler' },
      },
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    const objection = await env.call('POST', `/v1/elections/${id}/objections`, {
      token: await memberToken('Ebru Şahin'),
      body: { candidateMemberId: people['Şule Öztürk'], grounds: 'Adayın üyelik aidatı ödenmemiş.' },
    });
    expect(objection.status).toBe(201);
    const outsider = await env.token(people['Ebru Şahin']!, ['member', 'election-committee']);
    const decision = {
      upheld: false,
      reason: { tr: 'Aidat koşulu yönergede yok.', en: 'The directive sets no dues condition.' },
    };
    expect(
      await env.call('POST', `/v1/elections/${id}/objections/${objection.body.id}/decision`, {
        token: outsider,
        body: decision,
      }),
    ).toMatchObject({ status: 403, body: { code: 'election-not-on-committee' } });
    const decided = await env.call('POST', `/v1/elections/${id}/objections/${objection.body.id}/decision`, {
      token: await committeeToken(0),
      body: decision,
    });
    expect(decided.body).toMatchObject({ decision: 'rejected', decidedBy: committee[0] });

    expect((await step(id, 'close-candidacy')).body.status).toBe('candidacy-closed');
    expect((await env.call('POST', `/v1/elections/${id}/eligibility`, { token: staff })).body).toEqual({
      checked: 5,
      changed: 0,
    });
    const frozen = await step(id, 'freeze-roll', await committeeToken(1));
    // 12 individuals, the chamber through its representative; not the association, not the suspended member,
    // and the assembly member (active) too: 14.
    expect(frozen.body).toMatchObject({ status: 'roll-frozen', registered: 14 });

    // Objections after the window are refused.
    env.clock.now = new Date('2027-03-16T09:00:00.000Z');
    const late = await env.call('POST', `/v1/elections/${id}/objections`, {
      token: await memberToken('Ebru Şahin'),
      body: { grounds: 'Geç kalmış bir itiraz metni.' },
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'objection-window-closed' } });
    expect(await env.prisma.electionObjection.count({ where: { electionId: id } })).toBe(1);

    env.clock.now = new Date('2027-03-20T09:00:00.000Z');
    expect((await step(id, 'open-voting')).body.status).toBe('voting-open');
    const totals = [
      { memberId: people['Gülşen Işıkoğlu'], votes: 10 },
      { memberId: people['İlknur Çağlayan'], votes: 9 },
      { memberId: people['Şule Öztürk'], votes: 8 },
      { memberId: people['Şükrü Doğan'], votes: 5 },
      { memberId: people['Oğuz Güneş'], votes: 5 },
    ];
    const tally = (body: Json, token?: string) =>
      (token ? Promise.resolve(token) : committeeToken(0)).then((t) =>
        env.call('POST', `/v1/elections/${id}/rounds/1/tally`, { token: t, body }),
      );
    // Wrong state: the count waits for voting to close.
    expect(await tally({ ballotsCast: 13, totals })).toMatchObject({
      status: 409,
      body: { code: 'election-illegal-transition' },
    });
    expect((await step(id, 'close-voting')).body.status).toBe('voting-closed');
    expect(await tally({ ballotsCast: 13, totals }, await env.token('staff-1', ['staff']))).toMatchObject({
      status: 403,
    });
    const moreChoices = await tally({
      ballotsCast: 12,
      totals: totals.map((t) => ({ ...t, votes: t.votes + 1 })),
    });
    expect(moreChoices).toMatchObject({ status: 422, body: { code: 'election-too-many-choices' } });
    const stranger = await tally({
      ballotsCast: 13,
      totals: [...totals, { memberId: people['Ümit Aydın'], votes: 1 }],
    });
    expect(stranger).toMatchObject({ status: 422, body: { code: 'election-tally-invalid' } });
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'body.totals.5.memberId' })]);
    const overRoll = await tally({ ballotsCast: 15, totals });
    expect(overRoll.body.errors).toEqual([expect.objectContaining({ field: 'body.ballotsCast' })]);
    expect((await env.call('GET', `/v1/elections/${id}`, { token: staff })).body.status).toBe(
      'voting-closed',
    );

    const counted = await tally({ ballotsCast: 14, blankBallots: 1, totals });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({ outcome: 'final', round: 1 });
    const result = counted.body.result;
    // Zipper from the top (a woman): woman, man, woman; the men tie on 5 and the lot decides; Şule, passed
    // over for parity, heads the substitutes.
    const seed = result.content.lotSeed as string;
    const [firstMan, secondMan] = [people['Şükrü Doğan']!, people['Oğuz Güneş']!].sort((a, b) =>
      lotKey(seed, a) < lotKey(seed, b) ? -1 : 1,
    );
    expect(result.content.elected.map((place: Json) => [place.memberId, place.seat, place.rank])).toEqual([
      [people['Gülşen Işıkoğlu'], 'full', 1],
      [firstMan, 'full', 2],
      [people['İlknur Çağlayan'], 'full', 3],
      [people['Şule Öztürk'], 'substitute', 1],
    ]);
    expect(result.content.displacements[0]).toMatchObject({
      passedOver: { candidateId: people['Şule Öztürk'] },
      code: 'parity-zipper',
    });
    expect(result.content.lots[0]).toMatchObject({ seed, order: [firstMan, secondMan] });
    expect(createHash('sha256').update(seed).digest('hex')).toBe(election.lotSeedSha256);
    expect(createHash('sha256').update(canonicalJson(result.content)).digest('hex')).toBe(result.hash);

    // Approvals: outsiders, wrong hashes and second approvals are refused and change nothing.
    const approve = async (token: string, resultHash = result.hash as string) =>
      env.call('POST', `/v1/elections/${id}/approvals`, { token, body: { resultHash } });
    expect(await approve(outsider)).toMatchObject({
      status: 403,
      body: { code: 'election-not-on-committee' },
    });
    expect(await approve(await committeeToken(0), 'a'.repeat(64))).toMatchObject({
      status: 409,
      body: { code: 'election-result-hash-mismatch' },
    });
    expect(await approve(await committeeToken(0))).toMatchObject({
      status: 201,
      body: { approvals: 1, threshold: 2, certified: false },
    });
    expect(await approve(await committeeToken(0))).toMatchObject({
      status: 409,
      body: { code: 'election-already-approved' },
    });
    expect(await env.prisma.electionApproval.count({ where: { electionId: id } })).toBe(1);
    expect((await env.outbox()).filter((m) => m.type === 'elections.result.certified')).toHaveLength(0);
    expect(await approve(await committeeToken(2))).toMatchObject({
      status: 201,
      body: { approvals: 2, certified: true },
    });
    // Certified: final, and the last member's approval is refused.
    expect(await approve(await committeeToken(1))).toMatchObject({
      status: 409,
      body: { code: 'election-final-state' },
    });
    expect((await step(id, 'cancel')).body.code).toBe('election-final-state');
    await expect(
      env.prisma.$executeRawUnsafe(`UPDATE election_results SET hash = 'x' WHERE election_id = '${id}'`),
    ).rejects.toThrow(/written once/);

    const messages = await env.outbox();
    const certified = messages.filter((m) => m.type === 'elections.result.certified');
    expect(certified).toHaveLength(1);
    expect(certified[0]!.envelope.data).toEqual({
      electionId: id,
      office: 'executive-board',
      bodyId: executiveBoard,
      periodStart: 2024,
      term: 1,
      termStart: '2027-03-20',
      termEnd: '2029-03-20',
      certifiedAt: '2027-03-20T09:00:00.000Z',
      elected: [
        { memberId: people['Gülşen Işıkoğlu'], seat: 'full', rank: 1 },
        { memberId: firstMan, seat: 'full', rank: 2 },
        { memberId: people['İlknur Çağlayan'], seat: 'full', rank: 3 },
        { memberId: people['Şule Öztürk'], seat: 'substitute', rank: 1 },
      ],
    });
    const ofThis = messages.filter((m) => m.envelope.data.electionId === id).map((m) => m.type);
    expect(ofThis.filter((type) => type === 'elections.election.announced')).toHaveLength(1);
    expect(ofThis.filter((type) => type === 'elections.voting.opened')).toHaveLength(1);
    expect(ofThis.filter((type) => type === 'elections.candidacy.decided')).toHaveLength(6);
    expect(ofThis.filter((type) => type === 'elections.objection.decided')).toHaveLength(1);

    // The record: everything a court needs.
    const record = await env.call('GET', `/v1/elections/${id}/record`, { token: staff });
    expect(record.status).toBe(200);
    expect(record.body.roll.size).toBe(14);
    expect(record.body.roll.members).toHaveLength(14);
    expect(record.body.roll.members).toContainEqual(
      expect.objectContaining({ memberId: people.chamber, kind: 'institutional', votingGender: 'female' }),
    );
    expect(record.body.candidacies).toHaveLength(6);
    expect(record.body.objections[0]).toMatchObject({ decision: 'rejected' });
    expect(record.body.rounds[0]).toMatchObject({ ballotsCast: 14, blankBallots: 1 });
    expect(record.body.result.sha256).toBe(result.hash);
    expect(record.body.approvals.map((a: Json) => a.memberId)).toEqual([committee[0], committee[2]]);
    expect(record.body.approvals[0].tokenId).toEqual(expect.any(String));
    expect(
      record.body.audit
        .filter((entry: Json) => entry.from !== null || entry.action === 'created')
        .map((entry: Json) => `${entry.action}:${entry.from ?? ''}>${entry.to}`),
    ).toEqual([
      'created:>draft',
      'announce:draft>announced',
      'open-candidacy:announced>candidacy-open',
      'close-candidacy:candidacy-open>candidacy-closed',
      'freeze-roll:candidacy-closed>roll-frozen',
      'open-voting:roll-frozen>voting-open',
      'close-voting:voting-open>voting-closed',
      'tally:voting-closed>tallied',
      'certify:tallied>certified',
    ]);

    // The minutes, with Turkish letters intact.
    const minutes = await env.call('GET', `/v1/elections/${id}/minutes.pdf`, {
      token: await memberToken('Ebru Şahin'),
    });
    expect(minutes.status).toBe(200);
    expect(minutes.type).toContain('application/pdf');
    const text = (await pdfText(minutes.bytes)).replace(/\s+/g, ' ');
    for (const expected of [
      'SEÇİM TUTANAĞI',
      'Hazirun sayısı (üye tam sayısı): 14',
      'Kullanılan oy: 14',
      'Gülşen Işıkoğlu',
      'İlknur Çağlayan',
      'Şule Öztürk',
      '10 oy',
      'Cinsiyet eşitliği kaydırmaları',
      seed,
      `SHA-256 ${result.hash}`,
      committee[2]!,
    ])
      expect(text).toContain(expected);
  });

  it('when the President is elected, then rounds 2 and 3 open and the bars are those of the frozen roll', async () => {
    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    const created = await create({
      title: 'Kent Konseyi Başkanı seçimi',
      office: 'president',
      bodyId: generalAssembly,
      term: { periodStart: 2024, term: 1 },
      schedule,
      committee: { memberIds: [committee[0]], threshold: 1 },
    });
    const id = created.body.id as string;
    for (const action of ['announce', 'open-candidacy']) await step(id, action);
    const candidates = ['Şule Öztürk', 'Çağrı Demir', 'Ebru Şahin'].map((name) => people[name]!);
    for (const memberId of candidates)
      await env.call('POST', `/v1/elections/${id}/candidacies`, { token: staff, body: { memberId } });
    for (const action of ['close-candidacy', 'freeze-roll', 'open-voting', 'close-voting'])
      await step(id, action);
    const token = await committeeToken(0);
    const count = (round: number, votes: number[], ballotsCast = 13) =>
      env.call('POST', `/v1/elections/${id}/rounds/${round}/tally`, {
        token,
        body: {
          ballotsCast,
          totals: votes.map((v, i) => ({ memberId: candidates[i], votes: v })).filter((t) => t.votes >= 0),
        },
      });
    // 14 registered: round 1 needs 10 (two-thirds), round 2 needs 8 (absolute majority).
    const first = await count(1, [7, 4, 2]);
    expect(first.body).toMatchObject({ outcome: 'next-round', next: { purpose: 'president-round-2' } });
    expect(first.body.reason.tr).toContain('10');
    expect((await step(id, 'open-next-round')).body).toMatchObject({ status: 'voting-open', round: 2 });
    await step(id, 'close-voting');
    const second = await count(2, [7, 5, 1]);
    expect(second.body).toMatchObject({ outcome: 'next-round', next: { purpose: 'president-round-3' } });
    expect(second.body.next.candidateIds).toEqual([candidates[0], candidates[1]].sort());
    expect((await step(id, 'open-next-round')).body.round).toBe(3);
    await step(id, 'close-voting');
    // Ebru is out of the run-off: her total is refused.
    expect((await count(3, [7, 5, 1])).body.code).toBe('election-tally-invalid');
    const third = await count(3, [8, 5, -1]);
    expect(third.body).toMatchObject({ outcome: 'final' });
    expect(third.body.result.content.elected).toEqual([
      expect.objectContaining({ memberId: candidates[0], seat: 'full', rank: 1 }),
    ]);
    expect((await step(id, 'open-next-round')).body.code).toBe('election-no-next-round');
    const approved = await env.call('POST', `/v1/elections/${id}/approvals`, {
      token,
      body: { resultHash: third.body.result.hash },
    });
    expect(approved.body).toMatchObject({ certified: true });
    const certified = (await env.outbox()).filter(
      (m) => m.type === 'elections.result.certified' && m.envelope.data.electionId === id,
    );
    expect(certified).toHaveLength(1);
    const text = await pdfText(
      (await env.call('GET', `/v1/elections/${id}/minutes.pdf`, { token: staff })).bytes,
    );
    expect(text).toContain('Başkanlık 3. tur');
  });

  it('when an election is announced too late, or for a body it does not fit, then it is refused and nothing changes', async () => {
    env.clock.now = new Date('2027-03-10T09:00:00.000Z');
    const created = await create({
      title: 'Kadın Meclisi kolaylaştırıcı seçimi',
      office: 'facilitator',
      bodyId: womensAssembly,
      term: { periodStart: 2024, term: 1 },
      schedule,
      committee: { memberIds: committee.slice(0, 2), threshold: 2 },
    });
    expect(created.body.settings).toMatchObject({ method: 'plurality', parity: 'none', seats: 1 });
    const id = created.body.id as string;
    const short = await step(id, 'announce');
    expect(short).toMatchObject({ status: 409, body: { code: 'election-short-notice' } });
    expect(short.body.detail).toContain('en az 15 gün');
    expect((await env.call('GET', `/v1/elections/${id}`, { token: staff })).body.status).toBe('draft');

    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    await step(id, 'announce');
    await step(id, 'open-candidacy');
    // Outside the electorate: not a member of the assembly.
    const outside = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: await memberToken('Ebru Şahin'),
      body: { memberId: people['Ebru Şahin'] },
    });
    expect(outside).toMatchObject({ status: 422, body: { code: 'candidate-ineligible' } });
    expect(outside.body.errors[0].code).toBe('not-in-electorate-body');
    const inside = await env.call('POST', `/v1/elections/${id}/candidacies`, {
      token: await env.token(people.assemblyMember!, ['member']),
      body: { memberId: people.assemblyMember },
    });
    expect(inside.status).toBe(201);

    const wrongBody = await create({
      title: 'Yanlış kurul',
      office: 'president',
      bodyId: womensAssembly,
      term: { periodStart: 2024, term: 1 },
      schedule,
      committee: { memberIds: committee, threshold: 2 },
    });
    expect(wrongBody).toMatchObject({ status: 422, body: { code: 'election-body-unknown' } });
    const badSettings = await create({
      title: 'Ayar hatası',
      office: 'executive-board',
      bodyId: executiveBoard,
      settings: { seats: 3, maxChoices: 5 },
      term: { periodStart: 2024, term: 1 },
      schedule: { ...schedule, candidacyClosesOn: '2027-03-01' },
      committee: { memberIds: committee, threshold: 4 },
    });
    expect(badSettings.status).toBe(422);
    expect(badSettings.body.errors.map((e: Json) => e.field)).toEqual(['body.settings.maxChoices']);
    expect(await env.prisma.election.count()).toBe(3);
  });
  it('when a candidate is suspended or an objection is upheld, then eligibility changes before the freeze and only eligible candidates stand', async () => {
    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    const created = await create({
      title: 'Yedek seçim',
      office: 'executive-board',
      bodyId: executiveBoard,
      settings: { seats: 1, method: 'plurality' },
      term: { periodStart: 2024, term: 2 },
      schedule,
      committee: { memberIds: committee, threshold: 2 },
    });
    const id = created.body.id as string;
    await step(id, 'announce');
    await step(id, 'open-candidacy');
    const [first, second] = [people['Oğuz Güneş']!, people['Barış Koç']!];
    for (const memberId of [first, second])
      await env.call('POST', `/v1/elections/${id}/candidacies`, { token: staff, body: { memberId } });
    await env.prisma.rosterMember.update({ where: { memberId: first }, data: { status: 'suspended' } });
    try {
      expect((await env.call('POST', `/v1/elections/${id}/eligibility`, { token: staff })).body).toEqual({
        checked: 2,
        changed: 1,
      });
    } finally {
      await env.prisma.rosterMember.update({ where: { memberId: first }, data: { status: 'active' } });
    }
    const objection = await env.call('POST', `/v1/elections/${id}/objections`, {
      token: await memberToken('Ebru Şahin'),
      body: { candidateMemberId: second, grounds: 'Aday seçim kurulunun üyesidir.' },
    });
    const upheld = await env.call('POST', `/v1/elections/${id}/objections/${objection.body.id}/decision`, {
      token: await committeeToken(1),
      body: {
        upheld: true,
        reason: { tr: 'Kurul üyesi aday olamaz.', en: 'A committee member may not stand.' },
      },
    });
    expect(upheld.body.decision).toBe('upheld');
    const again = await env.call('POST', `/v1/elections/${id}/objections/${objection.body.id}/decision`, {
      token: await committeeToken(0),
      body: { upheld: false, reason: { tr: 'İkinci karar.', en: 'Second decision.' } },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'objection-decided' } });
    const decided = (await env.outbox())
      .filter((m) => m.type === 'elections.candidacy.decided' && m.envelope.data.electionId === id)
      .map((m) => m.envelope.data);
    expect(decided).toContainEqual(
      expect.objectContaining({
        memberId: first,
        eligible: false,
        reasons: [expect.objectContaining({ code: 'suspended' })],
      }),
    );
    expect(decided).toContainEqual(
      expect.objectContaining({
        memberId: second,
        eligible: false,
        reasons: [expect.objectContaining({ code: 'objection-upheld' })],
      }),
    );
    // Closing the candidacy recomputes: the reinstated member is eligible again; the struck one stays out.
    await step(id, 'close-candidacy');
    await step(id, 'freeze-roll');
    expect((await env.call('POST', `/v1/elections/${id}/eligibility`, { token: staff })).body.code).toBe(
      'election-eligibility-frozen',
    );
    const candidacies = await env.prisma.electionCandidacy.findMany({ where: { electionId: id } });
    expect(Object.fromEntries(candidacies.map((c) => [c.memberId, [c.status, c.eligible]]))).toEqual({
      [first]: ['standing', true],
      [second]: ['struck', false],
    });
    expect((await step(id, 'open-voting')).body.status).toBe('voting-open');
    const round = await env.prisma.electionRound.findFirst({ where: { electionId: id } });
    expect(round?.candidateIds).toEqual([first]);
  });
});
