import { randomUUID } from 'node:crypto';
import { assertHandlersMatchRouting, type MessageHandlers, type SqlClient } from '@konsey/service-kit';
import { electionsService } from '../src/elections-service.js';
import { startSittings, type Json, type SittingsHarness } from './sittings-harness.js';

describe('polls on motions', () => {
  let h: SittingsHarness;
  beforeAll(async () => {
    h = await startSittings('elections_sittings_polls');
  });
  afterAll(async () => {
    await h.stop();
  });

  /** A body with an open sitting and `present` of its members checked in. */
  const openSittingWith = async (size: number, present: number, options: Json = {}) => {
    const { bodyId, members } = await h.seedBody({ size });
    const created = await h.call('POST', '/v1/sittings', {
      token: h.board,
      body: { bodyId, title: 'Genel Kurul', scheduledAt: '2026-12-05T10:00:00+03:00', ...options },
    });
    const sittingId = created.body.sittingId as string;
    for (const memberId of members.slice(0, present))
      await h.call('POST', `/v1/sittings/${sittingId}/check-ins`, { token: h.staff, body: { memberId } });
    await h.call('POST', `/v1/sittings/${sittingId}/open`, { token: h.board });
    const tokens = await Promise.all(members.map((memberId) => h.token(memberId, ['member'])));
    return { bodyId, members, sittingId, tokens };
  };
  const requestPoll = async (bodyId: string, data: Json = {}) => {
    const command = h.pollCommand({ bodyId, ...data });
    expect(await h.deliver(command)).toBe('handled');
    return command.data.pollId;
  };
  const vote = (pollId: string, token: string | undefined, body: Json) =>
    h.call('PUT', `/v1/polls/${pollId}/vote`, { ...(token ? { token } : {}), body });
  const decided = async (pollId: string) =>
    (await h.outbox('elections.poll.decided')).filter((row) => row.envelope.data.pollId === pollId);

  it('when the service boots, then every message routed to elections has a handler and the sittings routes are documented', async () => {
    const handlers = electionsService().handlers!({} as never);
    expect(() => assertHandlersMatchRouting('elections', handlers as MessageHandlers<SqlClient>)).not.toThrow();
    const openapi = await fetch(`${h.service.url}/openapi.json`);
    const paths = Object.keys(((await openapi.json()) as { paths: Json }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/sittings/{sittingId}/check-ins', '/v1/polls/{pollId}/vote']));
  });

  it('when motions sends the same poll command twice (even as two messages), then one poll waits and attaches when a sitting of the body opens', async () => {
    const { bodyId } = await h.seedBody({ size: 3 });
    const command = h.pollCommand({ bodyId });
    expect(await h.deliver(command)).toBe('handled');
    expect(await h.deliver(command)).toBe('duplicate');
    expect(await h.deliver(h.pollCommand({ ...command.data, title: 'Yeniden gönderildi' }))).toBe('handled');
    const polls = await h.prisma.poll.findMany({ where: { bodyId } });
    expect(polls).toHaveLength(1);
    expect(polls[0]).toMatchObject({ pollId: command.data.pollId, status: 'pending', sittingId: null });

    const sitting = await h.call('POST', '/v1/sittings', {
      token: h.staff,
      body: { bodyId, title: 'Toplantı', scheduledAt: '2026-12-05T10:00:00Z' },
    });
    const opened = await h.call('POST', `/v1/sittings/${sitting.body.sittingId}/open`, { token: h.board });
    expect(opened.body.attachedPolls).toBe(1);
    const view = await h.call('GET', `/v1/sittings/${sitting.body.sittingId}`, { token: h.staff });
    expect(view.body.polls).toEqual([
      expect.objectContaining({ pollId: command.data.pollId, status: 'ready', sittingId: sitting.body.sittingId }),
    ]);

    // A poll asked for while the sitting is open attaches at once; closing the sitting returns it to waiting.
    const later = await requestPoll(bodyId);
    expect(await h.prisma.poll.findUnique({ where: { pollId: later } })).toMatchObject({ status: 'ready' });
    const closed = await h.call('POST', `/v1/sittings/${sitting.body.sittingId}/close`, { token: h.board });
    expect(closed.body.returnedPolls).toBe(2);
    expect(await h.prisma.poll.count({ where: { bodyId, status: 'pending', sittingId: null } })).toBe(2);
  });

  it('when members present vote in an open poll, then each counts once (the last choice), the absent are refused, and closing decides by majority of those present', async () => {
    const { bodyId, members, sittingId, tokens } = await openSittingWith(6, 5);
    const pollId = await requestPoll(bodyId, { majority: 'present' });
    expect((await h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff })).body).toMatchObject({
      status: 'voting',
      quorum: { reached: true },
    });

    expect((await vote(pollId, tokens[0], { choice: 'yes' })).body).toMatchObject({ choice: 'yes', changed: false });
    await vote(pollId, tokens[1], { choice: 'no' });
    expect((await vote(pollId, tokens[1], { choice: 'yes' })).body).toMatchObject({ choice: 'yes', changed: true });
    await vote(pollId, tokens[2], { choice: 'abstain' });
    await vote(pollId, tokens[3], { choice: 'no' });
    const absent = await vote(pollId, tokens[5], { choice: 'yes' });
    expect(absent.status).toBe(403);
    expect(absent.body).toMatchObject({ code: 'not-present-to-vote', detail: expect.stringContaining('not checked in') });
    expect(absent.body.title).toMatch(/check in at the door|yoklamaya/);

    const votes = await h.prisma.pollVote.findMany({ where: { pollId }, orderBy: { memberId: 'asc' } });
    expect(votes).toHaveLength(4);
    expect(await h.prisma.poll.findUnique({ where: { pollId } })).toMatchObject({ yes: 2, no: 1, abstain: 1 });

    // Member 4 voted and left before the close: still one of those present for this poll.
    await h.call('POST', `/v1/sittings/${sittingId}/check-outs`, { token: h.staff, body: { memberId: members[3] } });
    const closed = await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', required: 3, result: { yes: 2, no: 1, abstain: 1, present: 5, outcome: 'rejected' } });

    const again = await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    expect(again).toMatchObject({ status: 409, body: { code: 'poll-state' } });
    const late = await vote(pollId, tokens[4], { choice: 'yes' });
    expect(late).toMatchObject({ status: 409, body: { code: 'poll-state', detail: expect.stringContaining('closed') } });

    const events = await decided(pollId);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toEqual({
      pollId,
      subject: { kind: 'motion', id: expect.any(String) },
      yes: 2,
      no: 1,
      abstain: 1,
      present: 5,
      majority: 'present',
      outcome: 'rejected',
      decidedAt: expect.any(String),
    });
    expect(await h.prisma.poll.findUnique({ where: { pollId } })).toMatchObject({ yes: 2, no: 1, abstain: 1 });

    const result = await h.call('GET', `/v1/polls/${pollId}/result`);
    expect(result.status).toBe(200);
    expect(result.body.votes).toHaveLength(4);
    expect(result.body.votes).toContainEqual({ memberId: members[1], choice: 'yes' });
  });

  it('when the same votes are counted by majority of votes cast, then abstentions do not count and yes > no adopts', async () => {
    const { bodyId, tokens } = await openSittingWith(5, 5);
    const byPresent = await requestPoll(bodyId, { majority: 'present' });
    const byCast = await requestPoll(bodyId, { majority: 'cast' });
    for (const pollId of [byPresent, byCast]) {
      await h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff });
      for (const [index, choice] of ['yes', 'yes', 'no', 'abstain', 'abstain'].entries())
        expect((await vote(pollId, tokens[index], { choice })).status).toBe(200);
      await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    }
    const [present] = await decided(byPresent);
    const [cast] = await decided(byCast);
    expect(present!.envelope.data).toMatchObject({ yes: 2, no: 1, abstain: 2, present: 5, majority: 'present', outcome: 'rejected' });
    expect(cast!.envelope.data).toMatchObject({ yes: 2, no: 1, abstain: 2, present: 5, majority: 'cast', outcome: 'adopted' });
  });

  it('when a poll is secret, then the tables hold only counts and who voted, and a vote changes only with its change code', async () => {
    const { bodyId, members, tokens } = await openSittingWith(4, 4);
    const pollId = await requestPoll(bodyId, { visibility: 'secret', majority: 'cast' });
    await h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff });

    const first = await vote(pollId, tokens[0], { choice: 'no' });
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('choice');
    expect(first.body.changeCode).toEqual(expect.any(String));
    await vote(pollId, tokens[1], { choice: 'yes' });
    await vote(pollId, tokens[2], { choice: 'abstain' });

    const noCode = await vote(pollId, tokens[0], { choice: 'yes' });
    expect(noCode).toMatchObject({ status: 409, body: { code: 'change-code-required', errors: [{ field: 'body.changeCode' }] } });
    const stolen = await vote(pollId, tokens[1], { choice: 'no', changeCode: first.body.changeCode });
    expect(stolen).toMatchObject({ status: 422, body: { code: 'change-code-invalid' } });
    const forged = await vote(pollId, tokens[0], { choice: 'yes', changeCode: 'yes.AAAA' });
    expect(forged).toMatchObject({ status: 422, body: { code: 'change-code-invalid' } });
    expect(await h.prisma.poll.findUnique({ where: { pollId } })).toMatchObject({ yes: 1, no: 1, abstain: 1 });

    const changed = await vote(pollId, tokens[0], { choice: 'yes', changeCode: first.body.changeCode });
    expect(changed.body).toMatchObject({ changed: true, changeCode: expect.any(String) });
    const replay = await vote(pollId, tokens[0], { choice: 'no', changeCode: first.body.changeCode });
    expect(replay.status).toBe(422);
    expect(await h.prisma.poll.findUnique({ where: { pollId } })).toMatchObject({ yes: 2, no: 0, abstain: 1 });

    // What is stored: who voted, a hash that does not contain or reveal the choice, and the counts.
    const rows = await h.prisma.$queryRawUnsafe<Json[]>('SELECT * FROM poll_votes WHERE poll_id = $1::uuid', pollId);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.choice).toBeNull();
      expect(row.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(row).filter((value) => ['yes', 'no', 'abstain'].includes(String(value)))).toEqual([]);
    }
    const columns = await h.prisma.$queryRawUnsafe<{ column_name: string }[]>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'poll_votes' ORDER BY column_name",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['choice', 'member_id', 'poll_id', 'receipt_hash', 'voted_at']);

    await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    const [event] = await decided(pollId);
    expect(event!.envelope.data).toMatchObject({ yes: 2, no: 0, abstain: 1, present: 4, outcome: 'adopted' });
    const result = await h.call('GET', `/v1/polls/${pollId}/result`);
    expect(result.body).toMatchObject({ visibility: 'secret', votes: null, votesCast: 3, result: { yes: 2 } });
    expect(JSON.stringify(result.body)).not.toContain(members[0]);
  });

  it('when a request is wrong, then it gets a 4xx naming the field or reason and nothing changes', async () => {
    const { bodyId, members, sittingId, tokens } = await openSittingWith(5, 2);
    const pollId = await requestPoll(bodyId, { choices: ['yes', 'no'] });
    const waiting = await requestPoll((await h.seedBody({ size: 1 })).bodyId);
    const outsider = await h.token(randomUUID(), ['member']);

    const refused = async (response: Promise<{ status: number; body: Json }>, status: number, code: string, field?: string) => {
      const { status: actual, body } = await response;
      expect({ actual, code: body.code }).toEqual({ actual: status, code });
      if (field) expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await refused(h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff }), 409, 'no-quorum');
    await refused(vote(pollId, tokens[0], { choice: 'yes' }), 409, 'poll-state', 'status');
    await refused(h.call('POST', `/v1/polls/${waiting}/open`, { token: h.staff }), 409, 'poll-state', 'status');
    await refused(h.call('POST', `/v1/polls/${randomUUID()}/open`, { token: h.staff }), 404, 'poll-not-found', 'params.pollId');
    await refused(h.call('POST', `/v1/polls/not-a-uuid/close`, { token: h.staff }), 400, 'validation-failed', 'params.pollId');
    await refused(h.call('GET', `/v1/polls/${pollId}/result`), 409, 'poll-not-closed', 'status');
    await refused(h.call('POST', `/v1/polls/${pollId}/open`, { token: tokens[0] }), 403, 'forbidden');

    await h.call('POST', `/v1/sittings/${sittingId}/check-ins`, { token: h.staff, body: { memberId: members[2] } });
    expect((await h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff })).status).toBe(200);
    await refused(vote(pollId, tokens[0], { choice: 'maybe' }), 400, 'validation-failed', 'body.choice');
    await refused(vote(pollId, tokens[0], { choice: 'abstain' }), 422, 'choice-not-offered', 'body.choice');
    await refused(vote(pollId, tokens[0], { choice: 'yes', extra: 1 }), 400, 'validation-failed');
    await refused(vote(pollId, undefined, { choice: 'yes' }), 401, 'unauthenticated');
    await refused(vote(pollId, h.staff, { choice: 'yes' }), 403, 'forbidden');
    await refused(vote(pollId, outsider, { choice: 'yes' }), 403, 'not-entitled-to-vote');
    await refused(vote(pollId, tokens[4], { choice: 'yes' }), 403, 'not-present-to-vote');
    await refused(vote(randomUUID(), tokens[0], { choice: 'yes' }), 404, 'poll-not-found');
    await refused(h.call('POST', `/v1/sittings/${sittingId}/close`, { token: h.board }), 409, 'polls-still-voting');
    expect(await h.prisma.pollVote.count({ where: { pollId } })).toBe(0);
    expect(await h.prisma.poll.findUnique({ where: { pollId } })).toMatchObject({ yes: 0, no: 0, abstain: 0, status: 'voting' });
    expect(await h.prisma.sitting.findUnique({ where: { sittingId } })).toMatchObject({ status: 'open' });

    await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    const [event] = await decided(pollId);
    expect(event!.envelope.data).toMatchObject({ yes: 0, no: 0, abstain: 0, present: 3, outcome: 'rejected' });
  });

  it('when the sitting lets absent members vote, then a member of the body may vote from outside the room', async () => {
    const { bodyId, tokens } = await openSittingWith(3, 2, { presentOnlyVoting: false });
    const pollId = await requestPoll(bodyId, { majority: 'cast' });
    await h.call('POST', `/v1/polls/${pollId}/open`, { token: h.staff });
    expect((await vote(pollId, tokens[2], { choice: 'yes' })).status).toBe(200);
    await h.call('POST', `/v1/polls/${pollId}/close`, { token: h.staff });
    const [event] = await decided(pollId);
    expect(event!.envelope.data).toMatchObject({ yes: 1, present: 3, outcome: 'adopted' });
  });
});
