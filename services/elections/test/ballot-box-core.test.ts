import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ballotToJson,
  combineDecryptions,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
  partiallyDecrypt,
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
  type EncryptedTally,
} from '@konsey/ballot-crypto';
import type { Gender, Role } from '@konsey/contracts';
import { createRedisConnection } from '@konsey/service-kit';
import {
  startTestService,
  startTestTokenIssuer,
  type TestTokenIssuer,
  createApiClient,
} from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';
import { electionWithFrozenRoll, rosterMember } from './ballot-box-setup.js';
import {
  createBallotBox,
  startBallotVerification,
  verifyBallotBatch,
  type BallotBoxRoutes,
} from '../src/ballot-box/index.js';
import { ballotQueue } from '../src/ballot-box/verification.js';
import {
  confirm,
  keygen,
  publish,
  shares,
  trusteeKeyOf,
  type CommitteeOptions,
} from '../src/ballot-box/cli/committee-commands.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('ballot box: key ceremony, credentials, casting and verification', () => {
  let issuer: TestTokenIssuer;
  let env: Awaited<ReturnType<typeof startElectionsWithBox>>;
  let electionId: string;
  let staff: string;
  const voters: string[] = [];
  const committee: string[] = [];
  const candidates: string[] = [];
  let outsider: string;
  const keyFiles: string[] = [];
  let context: ElectionContext;
  let box: BallotBoxRoutes;
  let bodyId: string;
  /** Which of the two concurrent ballots of voters[1] won the race shifts the expected sums (b − a). */
  let raceShift = [0, 0, 0, 0];
  const shifted = (sum: number[]) => sum.map((n, i) => n + raceShift[i]!);

  async function startElectionsWithBox() {
    const clock = { now: new Date('2027-03-01T09:00:00.000Z') };
    const base = electionsService({ now: () => clock.now });
    const started = await startTestService(
      {
        ...base,
        // The service's own routes (the ballot box included); the test keeps a handle on a box of its own.
        routes: (deps) => {
          box = createBallotBox(deps);
          return base.routes!(deps);
        },
      },
      { label: 'ballot_box_core', env: { JWKS_URL: issuer.jwksUrl } },
    );
    return { ...started, clock };
  }

  const call = createApiClient(() => env.url);
  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });
  const voterToken = (memberId: string) => token(memberId, ['member']);
  const member = (displayName: string, gender: Gender) => rosterMember(env.prisma, displayName, gender);
  const step = async (action: string) =>
    call('POST', `/v1/elections/${electionId}/transitions`, { token: staff, body: { action } });
  const cli = async (index: number): Promise<CommitteeOptions> => ({
    election: electionId,
    url: env.url,
    token: await token(committee[index]!, ['member', 'election-committee']),
    keyFile: keyFiles[index]!,
  });
  const ballotCount = async () => env.prisma.ballot.count();
  const credential = async (memberId: string) =>
    (await call('POST', `/v1/elections/${electionId}/credentials`, { token: await voterToken(memberId) }))
      .body.voterBinding as string;
  const ballotFor = async (memberId: string, marks: number[]) => {
    const { ballot, trackingCode } = encryptBallot({
      context,
      voterBinding: fromBase64url(await credential(memberId)),
      selections: [marks],
    });
    return { body: { ballot: ballotToJson(ballot) }, trackingCode };
  };
  const cast = async (memberId: string, body: unknown, key: string = randomUUID()) =>
    call('POST', `/v1/elections/${electionId}/ballots`, {
      token: await voterToken(memberId),
      body,
      headers: { 'idempotency-key': key },
    });
  const received = async () =>
    (await env.prisma.ballot.findMany({ where: { status: 'received' }, select: { id: true } })).map(
      (b) => b.id,
    );
  const tally = () =>
    env.prisma.ballotTally.findUniqueOrThrow({ where: { electionId_round: { electionId, round: 1 } } });
  /** The committee decrypts the running sum with the key shares the CLI kept on disk. */
  const decryptSum = async (): Promise<number[]> => {
    const sums = (await tally()).sums as { alpha: string; beta: string }[][];
    const encrypted: EncryptedTally = sums.map((options) =>
      options.map((c) => ({
        alpha: decodePoint(fromBase64url(c.alpha, 32), 'alpha', { allowIdentity: true }),
        beta: decodePoint(fromBase64url(c.beta, 32), 'beta', { allowIdentity: true }),
      })),
    );
    const partials = [0, 1].map((i) => partiallyDecrypt(context, trusteeKeyOf(keyFiles[i]!), encrypted));
    return combineDecryptions({ context, tally: encrypted, partials })[0]!;
  };

  /** A new election of the Executive Board with the roll frozen, and fresh key files for its committee. */
  async function createFrozenElection(recast?: 'one' | 'last-counts') {
    const dir = await mkdtemp(join(tmpdir(), 'konsey-committee-'));
    keyFiles.splice(
      0,
      keyFiles.length,
      join(dir, 'barış.key'),
      join(dir, 'tolga.key'),
      join(dir, 'oğuz.key'),
    );
    env.clock.now = new Date('2027-03-01T09:00:00.000Z');
    electionId = await electionWithFrozenRoll({ call, staff, bodyId, committee, candidates });
    if (recast) {
      const set = await call('PUT', `/v1/elections/${electionId}/ballot-box`, {
        token: await (await cli(0)).token,
        body: { recast },
      });
      expect(set.body).toMatchObject({ recast });
    }
  }

  beforeAll(async () => {
    issuer = await startTestTokenIssuer();
    env = await startElectionsWithBox();
    staff = await token('staff-1', ['staff']);
    bodyId = randomUUID();
    await env.prisma.rosterBody.create({
      data: { bodyId, kind: 'executive-board', name: 'Yürütme Kurulu', createdAt: new Date() },
    });
    for (const [i, name] of ['Ayşe', 'Zeynep', 'Ebru', 'Şule'].entries())
      candidates.push(await member(`${name} ${i}`, 'female'));
    for (const name of ['Barış', 'Tolga', 'Oğuz']) committee.push(await member(name, 'male'));
    committee.sort(); // the ceremony numbers members in id order
    for (const name of ['Ümit', 'Çağrı', 'Nur', 'Deniz', 'Can', 'Ece'])
      voters.push(await member(name, 'female'));
    await createFrozenElection();
    outsider = await member('Sonradan Gelen', 'male');
  }, 60_000);

  afterAll(async () => {
    await env?.stop();
    await issuer?.close();
  });

  it('when one committee member never shows up, then the others exclude them and finish the ceremony 2 of 2, keeping secrets on their own disks', async () => {
    // Voting cannot open before the ceremony; a voter cannot get a context either.
    const [barış, tolga, oğuz] = [await cli(0), await cli(1), await cli(2)];
    expect(await keygen(barış)).toEqual({ index: 1, attempt: 1 });
    expect(await keygen(tolga)).toEqual({ index: 2, attempt: 1 });
    await publish(barış);
    await publish(tolga);
    // Oğuz never announces: shares cannot be sent yet.
    await expect(shares(barış)).rejects.toThrow(/2 of 3 members have announced/);
    const early = await step('open-voting');
    expect(early.status).not.toBe(200);
    expect((await env.prisma.election.findUniqueOrThrow({ where: { id: electionId } })).status).toBe(
      'roll-frozen',
    );
    expect(
      (
        await call('GET', `/v1/elections/${electionId}/ballot-box/context`, {
          token: await voterToken(voters[0]!),
        })
      ).body.code,
    ).toBe('ballot-ceremony-incomplete');

    // Someone not on the committee cannot exclude anyone; excluding below the threshold is refused later.
    const stranger = await call('POST', `/v1/elections/${electionId}/ceremony/exclusions`, {
      token: await token(voters[0]!, ['member', 'election-committee']),
      body: { memberId: committee[2], reason: 'did not attend' },
    });
    expect(stranger).toMatchObject({ status: 403, body: { code: 'ballot-box-not-on-committee' } });
    const excluded = await call('POST', `/v1/elections/${electionId}/ceremony/exclusions`, {
      token: barış.token,
      body: { memberId: committee[2], reason: 'Oğuz did not attend the ceremony' },
    });
    expect(excluded.status).toBe(200);
    expect(excluded.body).toMatchObject({ attempt: 2, status: 'collecting', threshold: 2 });
    expect(excluded.body.participants.map((p: Json) => p.memberId)).toEqual([committee[0], committee[1]]);
    const tooFew = await call('POST', `/v1/elections/${electionId}/ceremony/exclusions`, {
      token: barış.token,
      body: { memberId: committee[1], reason: 'trying to go below k' },
    });
    expect(tooFew).toMatchObject({ status: 409, body: { code: 'ballot-ceremony-too-few' } });
    await expect(keygen(oğuz)).rejects.toThrow(/not a participant/);

    // Attempt 2: the old keys are stale, every remaining member starts over.
    await expect(publish(barış)).rejects.toThrow(/restarted/);
    expect(await keygen(barış)).toEqual({ index: 1, attempt: 2 });
    expect(await keygen(tolga)).toEqual({ index: 2, attempt: 2 });
    await publish(barış);
    await publish(tolga);
    // A second, different announcement is a conflict.
    const again = await call('POST', `/v1/elections/${electionId}/ceremony/announcements`, {
      token: tolga.token,
      body: {
        announcement: {
          index: 2,
          authPublicKey: 'AA',
          commitments: ['AA', 'AA'],
          proofs: [{ commitment: 'AA', response: 'AA' }],
        },
      },
    });
    expect(again.status).toBe(422);
    await shares(barış);
    // Barış cannot confirm before Tolga's share to him is there.
    await expect(confirm(barış)).rejects.toThrow(/expected one share from member 2, got 0/);
    await shares(tolga);
    const half = await confirm(barış);
    expect(half).toMatchObject({ status: 'collecting', jointKey: null, fingerprint: null });
    const done = await confirm(tolga);
    expect(done.status).toBe('complete');
    expect(done.fingerprint).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(done.jointKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Each member's secrets are on their own disk, mode 0600, and nowhere in the database.
    for (const file of keyFiles.slice(0, 2)) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const secrets = JSON.parse(await readFile(file, 'utf8')) as Json;
      const stored = JSON.stringify(
        await env.prisma.$queryRawUnsafe(
          `SELECT (SELECT json_agg(a) FROM ballot_ceremony_announcements a) AS a, (SELECT json_agg(e) FROM ballot_ceremony_envelopes e) AS e,
                  (SELECT json_agg(c) FROM ballot_ceremony_confirmations c) AS c, (SELECT json_agg(c) FROM ballot_ceremonies c) AS m`,
        ),
      );
      for (const secret of [secrets.secretShare, secrets.authSecretKey, ...secrets.coefficients])
        expect(stored).not.toContain(secret);
    }

    // The voters' context gives the same fingerprint; voting opens.
    const published = await call('GET', `/v1/elections/${electionId}/ballot-box/context`, {
      token: await voterToken(voters[0]!),
    });
    expect(published.body.fingerprint).toBe(done.fingerprint);
    context = createElectionContext({
      manifest: published.body.manifest as ElectionManifest,
      parameters: published.body.parameters as ElectionParameters,
      commitments: (published.body.commitments as string[][]).map((c) =>
        c.map((p) => decodePoint(fromBase64url(p, 32))),
      ),
    });
    expect(context.manifest.contests[0]!.options).toEqual([...candidates].sort());
    expect((await step('open-voting')).body.status).toBe('voting-open');
  }, 60_000);

  it('when a member of the roll asks for a credential, then they get one binding, once; others are refused', async () => {
    const first = await call('POST', `/v1/elections/${electionId}/credentials`, {
      token: await voterToken(voters[0]!),
    });
    expect(first.status).toBe(201);
    const second = await call('POST', `/v1/elections/${electionId}/credentials`, {
      token: await voterToken(voters[0]!),
    });
    expect(second.status).toBe(200);
    expect(second.body.voterBinding).toBe(first.body.voterBinding);
    expect(first.body.voterBinding).not.toContain(voters[0]);
    const stranger = await call('POST', `/v1/elections/${electionId}/credentials`, {
      token: await voterToken(outsider),
    });
    expect(stranger).toMatchObject({ status: 403, body: { code: 'voter-not-on-roll' } });
    expect(await env.prisma.ballotCredential.count({ where: { memberId: outsider } })).toBe(0);
  });

  it('when the same voter casts concurrently with the same Idempotency-Key, then one ballot is stored and both get the same 202', async () => {
    const { body, trackingCode } = await ballotFor(voters[0]!, [1, 0, 1, 0]);
    const key = randomUUID();
    const answers = await Promise.all([
      cast(voters[0]!, body, key),
      cast(voters[0]!, body, key),
      cast(voters[0]!, body, key),
    ]);
    for (const answer of answers)
      expect(answer).toMatchObject({ status: 202, body: { trackingCode, status: 'received' } });
    expect(new Set(answers.map((a) => a.body.ballotId)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await env.prisma.ballot.count({ where: { memberId: voters[0]! } })).toBe(1);
    // The same key with another ballot is refused.
    const other = await ballotFor(voters[0]!, [0, 1, 0, 0]);
    expect((await cast(voters[0]!, other.body, key)).body.code).toBe('idempotency-key-reused');
  });

  it('when the same voter casts two different ballots concurrently under `one`, then one is stored and the other gets 409', async () => {
    const a = await ballotFor(voters[1]!, [0, 1, 0, 0]);
    const b = await ballotFor(voters[1]!, [0, 0, 1, 1]);
    const answers = await Promise.all([cast(voters[1]!, a.body), cast(voters[1]!, b.body)]);
    expect(answers.map((x) => x.status).sort()).toEqual([202, 409]);
    if (answers[1]!.status === 202) raceShift = [0, -1, 1, 1];
    expect(answers.find((x) => x.status === 409)!.body.code).toBe('ballot-already-cast');
    expect(await env.prisma.ballot.count({ where: { memberId: voters[1]! } })).toBe(1);
  });

  it('when a ballot carries a bad proof, then it is received, refused by verification, and the voter casts again', async () => {
    const { body } = await ballotFor(voters[2]!, [0, 0, 0, 1]);
    // Swap the proofs of two selections: every point still decodes, the proofs no longer verify.
    const selections = body.ballot.contests[0]!.selections;
    const tampered = structuredClone(body) as Json;
    tampered.ballot.contests[0].selections[0].proof = selections[3]!.proof;
    const answer = await cast(voters[2]!, tampered);
    expect(answer.status).toBe(202);
    expect(answer.body.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const outcome = await verifyBallotBatch(env.prisma, await received());
    expect(outcome).toMatchObject({ refused: 1, accepted: 2 });
    const refused = await call('GET', `/v1/elections/${electionId}/ballots/${answer.body.ballotId}`, {
      token: await voterToken(voters[2]!),
    });
    expect(refused.body).toMatchObject({
      status: 'refused',
      refusal: expect.stringContaining('does not verify'),
    });

    const again = await ballotFor(voters[2]!, [0, 0, 0, 1]);
    expect((await cast(voters[2]!, again.body)).status).toBe(202);
    expect(await verifyBallotBatch(env.prisma, await received())).toMatchObject({ accepted: 1 });
    expect(await decryptSum()).toEqual(shifted([1, 1, 1, 1]));
  });

  it('when a verification job is delivered twice at once, then each ballot is folded into the sum exactly once', async () => {
    for (const [voter, marks] of [
      [voters[3]!, [1, 1, 0, 0]],
      [voters[4]!, [1, 0, 0, 0]],
    ] as const)
      expect((await cast(voter, (await ballotFor(voter, [...marks])).body)).status).toBe(202);
    const ids = await received();
    expect(ids).toHaveLength(2);
    const [first, second] = await Promise.all([
      verifyBallotBatch(env.prisma, ids),
      verifyBallotBatch(env.prisma, ids),
    ]);
    expect(first.accepted + second.accepted).toBe(2);
    expect(first.skipped + second.skipped).toBe(2);
    expect(await verifyBallotBatch(env.prisma, ids)).toMatchObject({ accepted: 0, skipped: 2 });
    expect((await tally()).ballotCount).toBe(5);
    expect(await decryptSum()).toEqual(shifted([3, 2, 1, 1]));
  });

  it('when the queue is emptied before the worker starts, then the reconciler enqueues the received ballots again', async () => {
    const { body } = await ballotFor(voters[5]!, [0, 1, 0, 1]);
    expect((await cast(voters[5]!, body)).status).toBe(202);
    await box.drain();
    const connection = createRedisConnection(env.service.config.REDIS_URL, 'worker');
    const queue = ballotQueue(connection, env.service.config.REDIS_PREFIX);
    expect(await queue.getJobCountByTypes('waiting')).toBeGreaterThan(0);
    await queue.obliterate({ force: true });
    expect(await queue.getJobCountByTypes('waiting')).toBe(0);
    await queue.close();
    await connection.quit();

    const verification = await startBallotVerification(env.service, { reconcileEveryMs: 60_000 });
    try {
      const deadline = Date.now() + 20_000;
      while ((await received()).length > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(await received()).toEqual([]);
      expect((await tally()).ballotCount).toBe(6);
      expect(await decryptSum()).toEqual(shifted([3, 3, 1, 2]));
    } finally {
      await verification.stop();
    }
  }, 30_000);

  it('when the input is bad, then the answer is a clear 4xx and nothing is stored', async () => {
    const before = await ballotCount();
    const voter = voters[5]!;
    const { body } = await ballotFor(voter, [1, 0, 0, 0]);
    // Malformed ciphertext: a non-canonical point.
    const malformed = structuredClone(body) as Json;
    malformed.ballot.contests[0].selections[0].alpha = '_'.repeat(43);
    expect(await cast(voter, malformed)).toMatchObject({ status: 422, body: { code: 'ballot-malformed' } });
    // Wrong shape: one option missing.
    const short = structuredClone(body) as Json;
    short.ballot.contests[0].selections.pop();
    expect(await cast(voter, short)).toMatchObject({ status: 422, body: { code: 'ballot-malformed' } });
    // Bound to another voter's credential.
    expect(await cast(voters[4]!, body)).toMatchObject({ status: 422, body: { code: 'ballot-malformed' } });
    // Not JSON of a ballot at all.
    expect((await cast(voter, { ballot: { voterBinding: 1 } })).status).toBe(400);
    // No Idempotency-Key.
    const keyless = await call('POST', `/v1/elections/${electionId}/ballots`, {
      token: await voterToken(voter),
      body,
    });
    expect(keyless).toMatchObject({ status: 400, body: { code: 'validation-failed' } });
    // Wrong (unknown) election.
    const unknown = await call('POST', `/v1/elections/${randomUUID()}/ballots`, {
      token: await voterToken(voter),
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(unknown.status).toBe(404);
    // Not on the roll.
    expect(await cast(outsider, body)).toMatchObject({ status: 403, body: { code: 'voter-not-on-roll' } });
    // Under `one`, a second ballot after acceptance.
    expect(await cast(voter, body)).toMatchObject({ status: 409, body: { code: 'ballot-already-cast' } });
    // Closed election.
    const late = await ballotFor(voters[0]!, [1, 0, 0, 0]);
    expect((await step('close-voting')).body.status).toBe('voting-closed');
    const closed = await cast(voters[0]!, late.body);
    expect(closed).toMatchObject({ status: 409, body: { code: 'ballot-voting-closed' } });
    expect(await ballotCount()).toBe(before);
  });

  it("when the rule is `last-counts`, then only the voter's last valid ballot counts, whatever order verification runs in", async () => {
    const previousKeys = [...keyFiles];
    await createFrozenElection('last-counts');
    // A key file holding a completed ceremony's share is never overwritten.
    await expect(keygen({ ...(await cli(0)), keyFile: previousKeys[0]! })).rejects.toThrow(
      /holds the key share/,
    );
    const members = [await cli(0), await cli(1), await cli(2)];
    for (const m of members) await keygen(m);
    for (const m of members) await publish(m);
    for (const m of members) await shares(m);
    for (const m of members) await confirm(m);
    const published = await call('GET', `/v1/elections/${electionId}/ballot-box/context`, {
      token: await voterToken(voters[0]!),
    });
    context = createElectionContext({
      manifest: published.body.manifest as ElectionManifest,
      parameters: published.body.parameters as ElectionParameters,
      commitments: (published.body.commitments as string[][]).map((c) =>
        c.map((p) => decodePoint(fromBase64url(p, 32))),
      ),
    });
    expect((await step('open-voting')).body.status).toBe('voting-open');
    const voter = voters[0]!;
    const castMarks = async (marks: number[]) => {
      const answer = await cast(voter, (await ballotFor(voter, marks)).body);
      expect(answer.status).toBe(202);
      return answer.body.ballotId as string;
    };
    const statusOf = async (id: string) =>
      (await env.prisma.ballot.findUniqueOrThrow({ where: { id } })).status;

    const a = await castMarks([1, 0, 0, 0]);
    await verifyBallotBatch(env.prisma, [a]);
    const b = await castMarks([0, 1, 0, 0]);
    const c = await castMarks([0, 0, 1, 0]);
    expect(await verifyBallotBatch(env.prisma, [b, c])).toMatchObject({ accepted: 2, superseded: 2 });
    expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual([
      'superseded',
      'superseded',
      'accepted',
    ]);
    expect(await decryptSum()).toEqual([0, 0, 1, 0]);

    // Verified out of order: the later ballot still wins.
    const d = await castMarks([1, 1, 0, 0]);
    const e = await castMarks([0, 0, 1, 1]);
    await verifyBallotBatch(env.prisma, [e]);
    await verifyBallotBatch(env.prisma, [d]);
    expect([await statusOf(d), await statusOf(e)]).toEqual(['superseded', 'accepted']);
    // A last ballot that is refused leaves the previous one counted.
    const { body } = await ballotFor(voter, [0, 0, 0, 1]);
    const tampered = structuredClone(body) as Json;
    tampered.ballot.contests[0].selections[0].proof = body.ballot.contests[0]!.selections[1]!.proof;
    const f = (await cast(voter, tampered)).body.ballotId as string;
    await verifyBallotBatch(env.prisma, [f]);
    expect(await statusOf(f)).toBe('refused');
    expect((await tally()).ballotCount).toBe(1);
    expect(await decryptSum()).toEqual([0, 0, 1, 1]);
  }, 60_000);
});
