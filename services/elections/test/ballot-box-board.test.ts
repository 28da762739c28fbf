import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ballotFromJson,
  ballotToJson,
  BulletinBoard,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
  toBase64url,
  type BallotJson,
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import type { Role } from '@konsey/contracts';
import {
  startTestService,
  startTestTokenIssuer,
  type TestTokenIssuer,
  createApiClient,
} from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';
import { electionWithFrozenRoll, rosterMember } from './ballot-box-setup.js';
import { ballotBoardRouter, drainToBoard, verifyBallotBatch } from '../src/ballot-box/index.js';
import {
  confirm,
  keygen,
  publish,
  shares,
  type CommitteeOptions,
} from '../src/ballot-box/cli/committee-commands.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('ballot box: public bulletin board and live figures', () => {
  let issuer: TestTokenIssuer;
  let env: Awaited<ReturnType<typeof startBoardService>>;
  let electionId: string;
  let staff: string;
  let context: ElectionContext;
  const voters: string[] = [];
  const committee: string[] = [];
  const keyFiles: string[] = [];
  const codes: string[] = [];

  const call = createApiClient(() => env.url);
  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });
  const member = (displayName: string) => rosterMember(env.prisma, displayName);
  const step = async (action: string) =>
    call('POST', `/v1/elections/${electionId}/transitions`, { token: staff, body: { action } });
  const cli = async (index: number): Promise<CommitteeOptions> => ({
    election: electionId,
    url: env.url,
    token: await token(committee[index]!, ['member', 'election-committee']),
    keyFile: keyFiles[index]!,
  });
  const cast = async (memberId: string, marks: number[], tamper = false) => {
    const voterToken = await token(memberId, ['member']);
    const binding = (await call('POST', `/v1/elections/${electionId}/credentials`, { token: voterToken }))
      .body.voterBinding as string;
    const { ballot } = encryptBallot({ context, voterBinding: fromBase64url(binding), selections: [marks] });
    const body = { ballot: ballotToJson(ballot) } as Json;
    if (tamper) body.ballot.contests[0].selections[0].proof = body.ballot.contests[0].selections[1].proof;
    const answer = await call('POST', `/v1/elections/${electionId}/ballots`, {
      token: voterToken,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(answer.status).toBe(202);
    codes.push(answer.body.trackingCode as string);
    return answer.body.ballotId as string;
  };
  const received = async () =>
    (await env.prisma.ballot.findMany({ where: { status: 'received' }, select: { id: true } })).map(
      (b) => b.id,
    );
  const figures = async (bearer: string) =>
    call('GET', `/v1/elections/${electionId}/ballot-box/figures`, { token: bearer });

  /** The service with the observers' stream router mounted (the lead wires it with `routers`). */
  function startBoardService() {
    const base = electionsService({ now: () => new Date('2027-03-01T09:00:00.000Z') });
    return startTestService(
      { ...base, routers: (deps) => [ballotBoardRouter(deps.prisma, { pollMs: 50 })] },
      { label: 'ballot_box_board', env: { JWKS_URL: issuer.jwksUrl } },
    );
  }

  beforeAll(async () => {
    issuer = await startTestTokenIssuer();
    env = await startBoardService();
    staff = await token('staff-1', ['staff']);
    const bodyId = randomUUID();
    await env.prisma.rosterBody.create({
      data: { bodyId, kind: 'executive-board', name: 'Yürütme Kurulu', createdAt: new Date() },
    });
    const candidates = [await member('Ayşe'), await member('Zeynep'), await member('Ebru')];
    for (const name of ['Barış', 'Tolga']) committee.push(await member(name));
    committee.sort();
    for (const name of ['Ümit', 'Çağrı', 'Nur', 'Deniz']) voters.push(await member(name));
    const dir = await mkdtemp(join(tmpdir(), 'konsey-board-'));
    keyFiles.push(join(dir, 'a.key'), join(dir, 'b.key'));
    electionId = await electionWithFrozenRoll({ call, staff, bodyId, committee, candidates });
    const set = await call('PUT', `/v1/elections/${electionId}/ballot-box`, {
      token: (await cli(0)).token,
      body: { recast: 'last-counts' },
    });
    expect(set.status).toBe(200);
    const members = [await cli(0), await cli(1)];
    for (const m of members) await keygen(m);
    for (const m of members) await publish(m);
    for (const m of members) await shares(m);
    for (const m of members) await confirm(m);
    const published = await call('GET', `/v1/elections/${electionId}/ballot-box/context`, {
      token: await token(voters[0]!, ['member']),
    });
    context = createElectionContext({
      manifest: published.body.manifest as ElectionManifest,
      parameters: published.body.parameters as ElectionParameters,
      commitments: (published.body.commitments as string[][]).map((c) =>
        c.map((p) => decodePoint(fromBase64url(p, 32))),
      ),
    });
    expect((await step('open-voting')).body.status).toBe('voting-open');
  }, 90_000);

  afterAll(async () => {
    await env?.stop();
    await issuer?.close();
  });

  it('when ballots are cast, refused and recast, then the board is a hash chain ballot-crypto agrees with, and the figures add up', async () => {
    const committeeToken = await token(committee[0]!, ['member', 'election-committee']);
    await cast(voters[0]!, [1, 0, 0]); // 0: later superseded by 4
    await cast(voters[1]!, [0, 1, 0]); // 1
    await cast(voters[2]!, [0, 0, 1], true); // 2: refused
    const before = await figures(committeeToken);
    expect(before.body).toMatchObject({
      cast: 3,
      verified: 0,
      refused: 0,
      backlog: 3,
      turnout: { voters: 3, roll: expect.any(Number) },
    });
    expect(await verifyBallotBatch(env.prisma, await received())).toMatchObject({ refused: 1, accepted: 2 });
    await cast(voters[2]!, [0, 0, 1]); // 3: the refused voter casts again
    await cast(voters[0]!, [0, 1, 1]); // 4: recast under last-counts
    await verifyBallotBatch(env.prisma, await received());
    // The API appends to the board a few milliseconds after each cast; finish what may be in flight.
    await drainToBoard(env.prisma, electionId, 1);

    // The public board (no token): dense positions, statuses, and nothing about persons or times.
    const board = await call('GET', `/v1/elections/${electionId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.length).toBe(5);
    const entries = board.body.entries as Json[];
    expect(entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4]);
    expect(entries.map((e) => e.status)).toEqual([
      'superseded',
      'accepted',
      'refused',
      'accepted',
      'accepted',
    ]);
    expect(entries.map((e) => e.trackingCode)).toEqual(codes);
    for (const e of entries)
      expect(Object.keys(e).sort()).toEqual([
        'ballotHash',
        'entryHash',
        'position',
        'previousHash',
        'status',
        'trackingCode',
      ]);
    for (const id of [...voters, ...committee]) expect(board.text).not.toContain(id);
    expect(board.text).not.toMatch(/memberId|member_id|receivedAt|decidedAt|\d{4}-\d{2}-\d{2}T/);

    // ballot-crypto's chain: replaying the stored ballots in board order gives the same hashes and head.
    expect(board.body.baseHash).toBe(toBase64url(context.baseHash));
    const replay = new BulletinBoard(context.baseHash);
    for (const e of entries) {
      const row = await env.prisma.ballot.findFirstOrThrow({
        where: { electionId, trackingCode: e.trackingCode as string },
      });
      const appended = replay.append(ballotFromJson(row.content as unknown as BallotJson));
      expect({
        position: appended.position,
        trackingCode: appended.trackingCode,
        ballotHash: toBase64url(appended.ballotHash),
        previousHash: toBase64url(appended.previousHash),
        entryHash: toBase64url(appended.entryHash),
      }).toEqual({
        position: e.position,
        trackingCode: e.trackingCode,
        ballotHash: e.ballotHash,
        previousHash: e.previousHash,
        entryHash: e.entryHash,
      });
    }
    expect(board.body.head).toBe(toBase64url(replay.head));

    // Paging is stable: two pages of two, then the last one.
    const first = await call('GET', `/v1/elections/${electionId}/board?limit=2`);
    expect(first.body.entries.map((e: Json) => e.position)).toEqual([0, 1]);
    const second = await call('GET', first.body.next as string);
    expect(second.body.entries.map((e: Json) => e.position)).toEqual([2, 3]);
    const third = await call('GET', `/v1/elections/${electionId}/board?after=3&limit=2`);
    expect(third.body.entries.map((e: Json) => e.position)).toEqual([4]);
    expect(third.body.next).toBeNull();

    // A voter's lookup: exactly their entry, position and status only.
    const lookup = await call('GET', `/v1/elections/${electionId}/board/${codes[1]}`);
    expect(lookup.body).toEqual({ trackingCode: codes[1], round: 1, position: 1, status: 'accepted' });
    expect(
      (await call('GET', `/v1/elections/${electionId}/board/${codes[2]!.toLowerCase()}`)).body,
    ).toMatchObject({ position: 2, status: 'refused' });
    expect((await call('GET', `/v1/elections/${electionId}/board/0000-0000-0000`)).status).toBe(404);
    expect((await call('GET', `/v1/elections/${randomUUID()}/board`)).status).toBe(404);

    // Append-only in the database too.
    await expect(
      env.prisma.$executeRawUnsafe(`UPDATE ballot_board_entries SET tracking_code = 'X' WHERE position = 0`),
    ).rejects.toThrow(/append-only/);

    // Figures: cast = verified + refused + backlog; turnout against the frozen roll; committee, staff, operator only.
    const after = await figures(committeeToken);
    expect(after.status).toBe(200);
    const f = after.body;
    expect(f).toMatchObject({ cast: 5, verified: 4, accepted: 3, superseded: 1, refused: 1, backlog: 0 });
    expect(f.cast).toBe(f.verified + f.refused + f.backlog);
    const roll = await env.prisma.electionRollEntry.count({ where: { electionId } });
    expect(f.turnout).toEqual({ voters: 3, roll, rate: Math.round((3 / roll) * 10_000) / 10_000 });
    expect(JSON.stringify(f)).not.toMatch(/sums|totals|alpha|beta/);
    expect((await figures(staff)).status).toBe(200);
    expect((await figures(await token('ops-1', ['operator']))).status).toBe(200);
    expect((await figures(await token(voters[0]!, ['member']))).status).toBe(403);
    expect((await figures(await token(voters[0]!, ['member', 'election-committee']))).body.code).toBe(
      'ballot-box-not-on-committee',
    );
  }, 60_000);

  it('when an observer follows the stream, then every entry arrives in order as a Server-Sent Event, resumable after a position', async () => {
    const abort = new AbortController();
    const response = await fetch(`${env.url}/v1/elections/${electionId}/board/stream?after=1`, {
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('event: head') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    abort.abort();
    const events = text
      .split('\n\n')
      .filter((block) => block.includes('event: entry'))
      .map(
        (block) =>
          JSON.parse(
            block
              .split('\n')
              .find((line) => line.startsWith('data: '))!
              .slice(6),
          ) as Json,
      );
    expect(events.map((e) => e.position)).toEqual([2, 3, 4]);
    expect(events.map((e) => e.trackingCode)).toEqual(codes.slice(2));
    expect(text).toContain('"length":5');
    for (const id of voters) expect(text).not.toContain(id);
  }, 20_000);
});
