import { pdfText, startElections, type Json } from './elections-harness.js';

describe('elections: revotes, results with nobody elected, and the list', () => {
  let env: Awaited<ReturnType<typeof startElections>>;
  let staff: string;
  let generalAssembly: string;
  let executiveBoard: string;
  const people: Record<string, string> = {};
  const committee: string[] = [];

  beforeAll(async () => {
    env = await startElections('elections_revotes');
    staff = await env.token('staff-1', ['staff']);
    generalAssembly = await env.roster.body('general-assembly', 'Genel Kurul');
    executiveBoard = await env.roster.body('executive-board', 'Yürütme Kurulu');
    for (const name of ['Ayla', 'Berna', 'Ceren', 'Derya', 'Elif'])
      people[name] = await env.roster.member(`${name} Hanım`, 'female');
    for (const name of ['Kemal', 'Levent', 'Murat', 'Nazım', 'Orhan'])
      people[name] = await env.roster.member(`${name} Bey`, 'male');
    committee.push(people.Elif!, people.Orhan!);
  });
  afterAll(() => env.stop());

  const schedule = {
    votingDay: '2027-03-20',
    candidacyOpensOn: '2027-03-02',
    candidacyClosesOn: '2027-03-10',
    rollFreezeOn: '2027-03-15',
  };
  const committeeToken = (index = 0) => env.token(committee[index]!, ['member', 'election-committee']);
  const step = async (id: string, action: string) =>
    env.call('POST', `/v1/elections/${id}/transitions`, { token: staff, body: { action } });
  const certifiedEvents = async (id: string) =>
    (await env.outbox()).filter(
      (m) => m.type === 'elections.result.certified' && m.envelope.data.electionId === id,
    );

  /** Create, nominate, freeze and open voting; returns the election's id. */
  async function prepare(body: Json, candidates: string[], beforeClose?: () => Promise<void>) {
    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    const created = await env.call('POST', '/v1/elections', {
      token: staff,
      body: {
        term: { periodStart: 2024, term: 1 },
        schedule,
        committee: { memberIds: [committee[0]], threshold: 1 },
        ...body,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const action of ['announce', 'open-candidacy']) expect((await step(id, action)).status).toBe(200);
    for (const memberId of candidates)
      expect(
        (await env.call('POST', `/v1/elections/${id}/candidacies`, { token: staff, body: { memberId } }))
          .status,
      ).toBe(201);
    await beforeClose?.();
    for (const action of ['close-candidacy', 'freeze-roll'])
      expect((await step(id, action)).status).toBe(200);
    env.clock.now = new Date('2027-03-20T09:00:00.000Z');
    expect((await step(id, 'open-voting')).body).toMatchObject({ status: 'voting-open', round: 1 });
    return id;
  }

  async function count(id: string, round: number, totals: [string, number][], ballotsCast = 9) {
    expect((await step(id, 'close-voting')).status).toBe(200);
    return env.call('POST', `/v1/elections/${id}/rounds/${round}/tally`, {
      token: await committeeToken(),
      body: { ballotsCast, totals: totals.map(([memberId, votes]) => ({ memberId, votes })) },
    });
  }

  it('when two tie for the last seat of a block election under revote, then revote rounds among them decide it and the result is certified', async () => {
    const [ayla, kemal, levent] = [people.Ayla!, people.Kemal!, people.Levent!];
    const id = await prepare(
      {
        title: 'Yürütme Kurulu seçimi (yeniden oylamalı)',
        office: 'executive-board',
        bodyId: executiveBoard,
        settings: { seats: 2, tieBreak: 'revote' },
      },
      [ayla, kemal, levent],
    );
    // Zipper: Ayla leads; the men's place is tied between Kemal and Levent.
    const first = await count(id, 1, [
      [ayla, 8],
      [kemal, 5],
      [levent, 5],
    ]);
    expect(first.body).toMatchObject({
      outcome: 'next-round',
      next: { purpose: 'revote', candidateIds: [kemal, levent].sort() },
      result: null,
    });
    expect(first.body.reason.tr).toContain('yeniden oylama');
    expect((await step(id, 'open-next-round')).body).toMatchObject({ status: 'voting-open', round: 2 });
    // Only the tied stand in the revote.
    const stranger = await count(id, 2, [
      [ayla, 1],
      [kemal, 4],
      [levent, 4],
    ]);
    expect(stranger).toMatchObject({ status: 422, body: { code: 'election-tally-invalid' } });
    // The revote ties again: another revote among the same two.
    const again = await env.call('POST', `/v1/elections/${id}/rounds/2/tally`, {
      token: await committeeToken(),
      body: {
        ballotsCast: 9,
        totals: [
          { memberId: kemal, votes: 4 },
          { memberId: levent, votes: 4 },
        ],
      },
    });
    expect(again.body).toMatchObject({ outcome: 'next-round', next: { purpose: 'revote' } });
    expect(again.body.reason.en).toContain('The tie held in the revote');
    expect((await step(id, 'open-next-round')).body.round).toBe(3);
    const decided = await count(id, 3, [
      [kemal, 3],
      [levent, 6],
    ]);
    expect(decided.body).toMatchObject({ outcome: 'final', round: 3 });
    const content = decided.body.result.content;
    expect(
      content.elected.map((place: Json) => [place.memberId, place.seat, place.rank, place.votes]),
    ).toEqual([
      [ayla, 'full', 1, 8],
      [levent, 'full', 2, 5],
    ]);
    expect(content.rounds.map((round: Json) => round.purpose)).toEqual(['first', 'revote', 'revote']);
    expect(content.lots).toEqual([]);

    const approved = await env.call('POST', `/v1/elections/${id}/approvals`, {
      token: await committeeToken(),
      body: { resultHash: decided.body.result.hash },
    });
    expect(approved.body).toMatchObject({ certified: true, nobodyElected: false });
    const events = await certifiedEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data.elected).toEqual([
      { memberId: ayla, seat: 'full', rank: 1 },
      { memberId: levent, seat: 'full', rank: 2 },
    ]);
    const text = await pdfText(
      (await env.call('GET', `/v1/elections/${id}/minutes.pdf`, { token: staff })).bytes,
    );
    expect(text).toContain('Yeniden oylama');
  });

  it('when the President’s second run-off place is tied under revote, then the revote fills it, round 3 opens and the winner is certified', async () => {
    const [berna, murat, nazim] = [people.Berna!, people.Murat!, people.Nazım!];
    const id = await prepare(
      {
        title: 'Başkanlık seçimi (yeniden oylamalı)',
        office: 'president',
        bodyId: generalAssembly,
        settings: { tieBreak: 'revote' },
      },
      [berna, murat, nazim],
    );
    // 10 on the roll: round 1 needs 7, round 2 needs 6.
    const first = await count(id, 1, [
      [berna, 5],
      [murat, 2],
      [nazim, 2],
    ]);
    expect(first.body.next).toMatchObject({ purpose: 'president-round-2' });
    expect((await step(id, 'open-next-round')).body.round).toBe(2);
    const second = await count(id, 2, [
      [berna, 5],
      [murat, 2],
      [nazim, 2],
    ]);
    expect(second.body).toMatchObject({
      outcome: 'next-round',
      next: {
        purpose: 'revote',
        candidateIds: [murat, nazim].sort(),
        carriedIds: [berna],
        presidentRound: 2,
        places: 1,
      },
    });
    expect((await step(id, 'open-next-round')).body.round).toBe(3);
    // The revote elects nobody (no bar applies to it): it only fills the run-off place.
    const revote = await count(id, 3, [
      [murat, 6],
      [nazim, 3],
    ]);
    expect(revote.body).toMatchObject({
      outcome: 'next-round',
      next: { purpose: 'president-round-3', candidateIds: [berna, murat].sort(), presidentRound: 3 },
    });
    // Round 3 opens after the revote of round 2 (session 4).
    expect((await step(id, 'open-next-round')).body).toMatchObject({ status: 'voting-open', round: 4 });
    const runOff = await count(id, 4, [
      [berna, 6],
      [murat, 3],
    ]);
    expect(runOff.body).toMatchObject({ outcome: 'final', round: 4 });
    expect(runOff.body.result.content.elected).toEqual([
      expect.objectContaining({ memberId: berna, seat: 'full', rank: 1 }),
    ]);
    const approved = await env.call('POST', `/v1/elections/${id}/approvals`, {
      token: await committeeToken(),
      body: { resultHash: runOff.body.result.hash },
    });
    expect(approved.body).toMatchObject({ certified: true });
    expect(await certifiedEvents(id)).toHaveLength(1);
    const record = await env.call('GET', `/v1/elections/${id}/record`, { token: staff });
    expect(record.body.rounds.map((round: Json) => [round.purpose, round.presidentRound])).toEqual([
      ['first', 1],
      ['president-round-2', 2],
      ['revote', 2],
      ['president-round-3', 3],
    ]);
  });

  it('when every candidate is ineligible, then the round has nobody on the ballot and the result is certified with every seat vacant and no result event', async () => {
    const derya = people.Derya!;
    const id = await prepare(
      {
        title: 'Yürütme Kurulu ara seçimi',
        office: 'executive-board',
        bodyId: executiveBoard,
        settings: { seats: 2, substituteSeats: 1 },
      },
      [derya],
      async () => {
        await env.prisma.rosterMember.update({ where: { memberId: derya }, data: { status: 'suspended' } });
      },
    );
    await env.prisma.rosterMember.update({ where: { memberId: derya }, data: { status: 'active' } });
    const round = await env.prisma.electionRound.findFirst({ where: { electionId: id } });
    expect(round?.candidateIds).toEqual([]);
    expect((await step(id, 'close-voting')).status).toBe(200);
    const counted = await env.call('POST', `/v1/elections/${id}/rounds/1/tally`, {
      token: await committeeToken(),
      body: { ballotsCast: 6, blankBallots: 6, totals: [] },
    });
    expect(counted.body).toMatchObject({ outcome: 'final' });
    const content = counted.body.result.content;
    expect(content.elected).toEqual([]);
    expect(content.vacancies.map((v: Json) => [v.seat, v.position])).toEqual([
      ['full', 1],
      ['full', 2],
      ['substitute', 1],
    ]);
    expect(content.nobodyElected.en).toContain('a rerun is a new election');

    const approved = await env.call('POST', `/v1/elections/${id}/approvals`, {
      token: await committeeToken(),
      body: { resultHash: counted.body.result.hash },
    });
    expect(approved.body).toMatchObject({ certified: true, nobodyElected: true });
    expect(await certifiedEvents(id)).toEqual([]);
    const record = await env.call('GET', `/v1/elections/${id}/record`, { token: staff });
    expect(record.body.election.status).toBe('certified');
    expect(record.body.certification).toMatchObject({ nobodyElected: true, resultEventPublished: false });
    expect(record.body.audit.at(-1)).toMatchObject({ action: 'certify', details: { nobodyElected: true } });
    // Certified is final: a rerun is a new election.
    expect((await step(id, 'open-next-round')).body.code).toBe('election-final-state');
    const text = (
      await pdfText((await env.call('GET', `/v1/elections/${id}/minutes.pdf`, { token: staff })).bytes)
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Kimse seçilmedi');
    expect(text).toContain('uygun aday yoktu');
  });

  it('lists elections by status and body, a page at a time, to staff and to committee members for their own', async () => {
    const list = (query: string, token = staff) => env.call('GET', `/v1/elections${query}`, { token });
    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, limit: 20, offset: 0 });
    const board = await list(`?status=certified&bodyId=${executiveBoard}`);
    expect(board.body.total).toBe(2);
    expect(board.body.items.every((e: Json) => e.bodyId === executiveBoard && e.status === 'certified')).toBe(
      true,
    );
    const page = await list(`?status=certified&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].id).toBe(all.body.items[1].id);
    expect((await list('?status=draft')).body).toMatchObject({ total: 0, items: [] });
    // A committee member sees the elections of their committee only.
    expect((await list('', await committeeToken(1))).body.total).toBe(0);
    expect((await list('', await committeeToken(0))).body.total).toBe(3);
    expect((await list('', await env.token(people.Ayla!, ['member']))).status).toBe(403);
    expect((await list('?status=nope')).status).toBe(400);
    expect((await list('?bodyId=x')).status).toBe(400);
  });
});
