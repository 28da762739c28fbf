import { closeDueVoting } from '../src/ballot-box/index.js';
import { electionWithFrozenRoll } from './ballot-box-setup.js';
import { startBallotBoxHarness, type BallotBoxHarness } from './ballot-box-harness.js';

describe('ballot box rounds: the President in three secret rounds, each with its own ceremony and record', () => {
  let h: BallotBoxHarness;
  let electionId: string;
  let chair: string;
  const voters: string[] = [];
  const names: Record<string, string> = {};

  /** One ballot per voter, in order: the name chosen (a mark on that option of the round's ballot). */
  const vote = async (choices: string[]) => {
    const context = await h.call('GET', `/v1/elections/${electionId}/ballot-box/context`, {
      token: await h.voterToken(voters[0]!),
    });
    const options = context.body.manifest.contests[0].options as string[];
    for (const [i, choice] of choices.entries())
      await h.cast(
        electionId,
        voters[i]!,
        options.map((id) => (id === names[choice] ? 1 : 0)),
      );
    return options;
  };
  const count = async (round: number) => {
    await h.verifyAll(electionId);
    await h.decrypt(electionId, chair, round);
    return h.env.prisma.electionRound.findUniqueOrThrow({
      where: { electionId_round: { electionId, round } },
    });
  };

  beforeAll(async () => {
    h = await startBallotBoxHarness('ballot_box_rounds');
    const assembly = await h.body('general-assembly', 'Genel Kurul');
    for (const name of ['Ayla', 'Berk', 'Cem']) names[name] = await h.member(name);
    chair = await h.member('Kurul Başkanı', 'male');
    for (const name of ['v0', 'v1', 'v2', 'v3', 'v4']) voters.push(await h.member(name));
    electionId = await electionWithFrozenRoll({
      call: h.call,
      staff: h.staff,
      bodyId: assembly,
      office: 'president',
      settings: {},
      committee: [chair],
      threshold: 1,
      candidates: Object.values(names),
    });
    await h.ceremony(electionId, [chair], 1);
    await h.step(electionId, 'open-voting');
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('when round 1 misses two-thirds of the roll, then round 2 cannot open before its own ceremony, and opens after it', async () => {
    await vote(['Ayla', 'Ayla', 'Berk', 'Berk', 'Cem']);
    await h.step(electionId, 'close-voting');
    const first = await count(1);
    expect(first).toMatchObject({ ballotsCast: 5, blankBallots: 0 });
    expect(first.decision).toMatchObject({ kind: 'next-round', next: { purpose: 'president-round-2' } });

    const early = await h.call('POST', `/v1/elections/${electionId}/transitions`, {
      token: h.staff,
      body: { action: 'open-next-round' },
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'ballot-ceremony-incomplete' } });
    expect(early.body.detail).toMatch(/round 2 .* needs its own key ceremony/);

    await h.ceremony(electionId, [chair], 2);
    expect(await h.step(electionId, 'open-next-round')).toMatchObject({ status: 'voting-open', round: 2 });
    // Round 1's record is signed with round 1's key file; round 2's key is another.
    expect(await h.sign(electionId, chair, 1)).toMatchObject({ round: 1, published: true });
    await expect(h.sign(electionId, chair, 2)).rejects.toThrow(/409.*ballot-record-not-ready/);
  }, 60_000);

  it('when round 2 misses the absolute majority, then round 3 is a secret run-off between the top two, closed on schedule', async () => {
    // Ayla 2, Berk 2, Cem 1: no majority of the roll, and a clear top two (no lot for second place).
    const options = await vote(['Ayla', 'Ayla', 'Berk', 'Berk', 'Cem']);
    expect(options).toHaveLength(3);
    await h.step(electionId, 'close-voting');
    const second = await count(2);
    expect(second.decision).toMatchObject({ kind: 'next-round', next: { purpose: 'president-round-3' } });

    await h.ceremony(electionId, [chair], 3);
    const runOff = await h.call('GET', `/v1/elections/${electionId}/ceremony`, {
      token: (await h.cli(electionId, chair, 3)).token,
    });
    expect(runOff.body.round).toBe(3);
    await h.step(electionId, 'open-next-round');
    const committeeToken = (await h.cli(electionId, chair)).token;
    const closing = (closesAt: string) =>
      h.call('PUT', `/v1/elections/${electionId}/ballot-box/closing`, {
        token: committeeToken,
        body: { closesAt },
      });
    expect(await closing('2027-03-01T08:00:00Z')).toMatchObject({
      status: 422,
      body: { code: 'ballot-closing-time-past' },
    });
    expect(await closing('2027-03-01T10:00:00Z')).toMatchObject({ status: 200, body: { round: 3 } });

    const ballot = await vote(['Ayla', 'Ayla', 'Berk']);
    expect(ballot.sort()).toEqual([names.Ayla, names.Berk].sort());
    expect(await closeDueVoting(h.env.prisma, new Date('2027-03-01T09:59:59Z'))).toEqual([]);
    expect(await closeDueVoting(h.env.prisma, new Date('2027-03-01T10:00:00Z'))).toEqual([electionId]);
    const audit = await h.env.prisma.electionAudit.findFirst({
      where: { electionId, action: 'close-voting', round: 3 },
    });
    expect(audit).toMatchObject({ actor: 'system:ballot-box-schedule', toStatus: 'voting-closed' });

    const third = await count(3);
    expect(third).toMatchObject({ ballotsCast: 3, blankBallots: 0 });
    expect(third.decision).toMatchObject({ kind: 'final' });
    const result = await h.env.prisma.electionResult.findFirstOrThrow({ where: { electionId } });
    expect((result.content as { elected: { memberId: string }[] }).elected[0]).toMatchObject({
      memberId: names.Ayla,
    });
    expect(await h.sign(electionId, chair, 3)).toMatchObject({ round: 3, published: true });
  }, 90_000);
});
