import { randomUUID } from 'node:crypto';
import { electionWithFrozenRoll } from './ballot-box-setup.js';
import { startBallotBoxHarness, type BallotBoxHarness } from './ballot-box-harness.js';

describe('ballot box in person: only members checked in at the sitting obtain a credential and cast', () => {
  let h: BallotBoxHarness;
  let electionId: string;
  let assembly: string;
  let sittingId: string;
  let chair: string;
  const voters: string[] = [];

  const presence = async (body: { sittingId: string | null }) =>
    h.call('PUT', `/v1/elections/${electionId}/ballot-box/presence`, {
      token: (await h.cli(electionId, chair)).token,
      body,
    });
  const door = (action: 'check-ins' | 'check-outs', memberId: string) =>
    h.call('POST', `/v1/sittings/${sittingId}/${action}`, { token: h.staff, body: { memberId } });
  const credential = async (memberId: string) =>
    h.call('POST', `/v1/elections/${electionId}/credentials`, { token: await h.voterToken(memberId) });

  beforeAll(async () => {
    h = await startBallotBoxHarness('ballot_box_presence');
    assembly = await h.body('general-assembly', 'Genel Kurul');
    const candidates = [await h.member('Ayla'), await h.member('Berk')];
    chair = await h.member('Kurul Başkanı', 'male');
    for (const name of ['v0', 'v1', 'v2']) voters.push(await h.member(name));
    electionId = await electionWithFrozenRoll({
      call: h.call,
      staff: h.staff,
      bodyId: assembly,
      office: 'president',
      settings: {},
      committee: [chair],
      threshold: 1,
      candidates,
    });
    const sitting = await h.call('POST', '/v1/sittings', {
      token: h.staff,
      body: { bodyId: assembly, title: 'Olağan Genel Kurul', scheduledAt: '2027-03-20T10:00:00+03:00' },
    });
    expect(sitting.status).toBe(201);
    sittingId = sitting.body.sittingId as string;
    await h.ceremony(electionId, [chair]);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('when the sitting is of another body or unknown, then it is refused and the box stays open to the roll', async () => {
    const board = await h.body('executive-board', 'Yürütme Kurulu');
    const other = await h.call('POST', '/v1/sittings', {
      token: h.staff,
      body: { bodyId: board, title: 'Yürütme toplantısı', scheduledAt: '2027-03-20T10:00:00+03:00' },
    });
    expect(await presence({ sittingId: other.body.sittingId as string })).toMatchObject({
      status: 422,
      body: { code: 'ballot-presence-sitting-invalid' },
    });
    expect(await presence({ sittingId: randomUUID() })).toMatchObject({ status: 422 });
    expect(
      (await h.env.prisma.ballotBox.findUnique({ where: { electionId } }))?.sittingId ?? null,
    ).toBeNull();
    expect(await presence({ sittingId })).toMatchObject({ status: 200, body: { sittingId } });

    // The General Assembly elects the Executive Board: its sitting is where the board's voters are.
    const boardElection = await electionWithFrozenRoll({
      call: h.call,
      staff: h.staff,
      bodyId: board,
      committee: [chair],
      threshold: 1,
      candidates: [voters[2]!],
    });
    const atAssembly = await h.call('PUT', `/v1/elections/${boardElection}/ballot-box/presence`, {
      token: (await h.cli(boardElection, chair)).token,
      body: { sittingId },
    });
    expect(atAssembly).toMatchObject({ status: 200, body: { sittingId } });
  });

  it('when a member is not in the room, then no credential and no ballot; checked in, they vote; after leaving, they cannot', async () => {
    await h.call('POST', `/v1/sittings/${sittingId}/open`, { token: h.staff });
    await h.step(electionId, 'open-voting');
    expect(await presence({ sittingId: null })).toMatchObject({
      status: 409,
      body: { code: 'ballot-box-election-state' },
    });

    expect(await credential(voters[0]!)).toMatchObject({ status: 403, body: { code: 'voter-not-present' } });
    expect(await h.env.prisma.ballotCredential.count({ where: { electionId } })).toBe(0);

    expect((await door('check-ins', voters[0]!)).status).toBe(201);
    expect((await h.cast(electionId, voters[0]!, [1, 0])).trackingCode).toBeDefined();

    expect((await door('check-ins', voters[1]!)).status).toBe(201);
    const ballot = await h.ballotFor(electionId, voters[1]!, [0, 1]);
    expect((await door('check-outs', voters[1]!)).status).toBe(200);
    const gone = await h.call('POST', `/v1/elections/${electionId}/ballots`, {
      token: await h.voterToken(voters[1]!),
      body: ballot,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(gone).toMatchObject({ status: 403, body: { code: 'voter-not-present' } });
    expect(await h.env.prisma.ballot.count({ where: { electionId } })).toBe(1);
  }, 60_000);
});
