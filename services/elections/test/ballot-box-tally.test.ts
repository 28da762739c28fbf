import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ballotToJson,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
  partiallyDecrypt,
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import type { Gender, Role } from '@konsey/contracts';
import {
  startTestService,
  startTestTokenIssuer,
  type TestTokenIssuer,
  createApiClient,
} from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';
import { electionWithFrozenRoll, rosterMember } from './ballot-box-setup.js';
import { verifyBallotBatch } from '../src/ballot-box/index.js';
import {
  confirm,
  decrypt,
  keygen,
  publish,
  shares,
  trusteeKeyOf,
  type CommitteeOptions,
} from '../src/ballot-box/cli/committee-commands.js';
import { partialToWire, tallyFromWire, type SumsJson } from '../src/ballot-box/tally-wire.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const startElections = (jwksUrl: string) =>
  startTestService(electionsService({ now: () => new Date('2027-03-01T09:00:00.000Z') }), {
    label: 'ballot_box_tally',
    env: { JWKS_URL: jwksUrl },
  });

describe('ballot box tally: encrypted totals, partial decryptions by k of n, plaintext totals', () => {
  let issuer: TestTokenIssuer;
  let env: Awaited<ReturnType<typeof startElections>>;
  let electionId: string;
  let staff: string;
  let bodyId: string;
  let context: ElectionContext;
  const voters: string[] = [];
  const committee: string[] = [];
  const candidates: string[] = [];
  const keyFiles: string[] = [];

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
  const castMarks = async (memberId: string, marks: number[]) => {
    const credential = await call('POST', `/v1/elections/${electionId}/credentials`, {
      token: await voterToken(memberId),
    });
    const { ballot } = encryptBallot({
      context,
      voterBinding: fromBase64url(credential.body.voterBinding as string),
      selections: [marks],
    });
    const answer = await call('POST', `/v1/elections/${electionId}/ballots`, {
      token: await voterToken(memberId),
      body: { ballot: ballotToJson(ballot) },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(answer.status).toBe(202);
    return answer.body.ballotId as string;
  };
  const received = async () =>
    (
      await env.prisma.ballot.findMany({ where: { electionId, status: 'received' }, select: { id: true } })
    ).map((b) => b.id);
  const tallyPath = () => `/v1/elections/${electionId}/ballot-box/tally`;
  const totalsPath = () => `/v1/elections/${electionId}/ballot-box/totals`;

  beforeAll(async () => {
    issuer = await startTestTokenIssuer();
    env = await startElections(issuer.jwksUrl);
    staff = await token('staff-1', ['staff']);
    bodyId = randomUUID();
    await env.prisma.rosterBody.create({
      data: { bodyId, kind: 'executive-board', name: 'Yürütme Kurulu', createdAt: new Date() },
    });
    for (const [i, name] of ['Ayşe', 'Zeynep', 'Ebru'].entries())
      candidates.push(await member(`${name} ${i}`, 'female'));
    candidates.sort(); // the manifest lists candidates in id order
    for (const name of ['Barış', 'Tolga', 'Oğuz']) committee.push(await member(name, 'male'));
    committee.sort();
    for (const name of ['Ümit', 'Çağrı', 'Nur', 'Deniz']) voters.push(await member(name, 'female'));
    const dir = await mkdtemp(join(tmpdir(), 'konsey-tally-'));
    keyFiles.push(join(dir, 'a.key'), join(dir, 'b.key'), join(dir, 'c.key'));

    electionId = await electionWithFrozenRoll({ call, staff, bodyId, committee, candidates });

    // The 2-of-3 ceremony, run with the committee CLI's code and key files.
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
    expect(context.manifest.contests[0]!.options).toEqual(candidates);
  }, 90_000);

  afterAll(async () => {
    await env?.stop();
    await issuer?.close();
  });

  it('when voting is open or ballots await verification, then the tally endpoint answers 409 saying what it waits for', async () => {
    const committeeToken = (await cli(0)).token;
    const notStarted = await call('GET', tallyPath(), { token: committeeToken });
    expect(notStarted).toMatchObject({ status: 409, body: { code: 'ballot-tally-not-ready' } });
    expect(notStarted.body.detail).toMatch(/voting to close.*roll-frozen/);

    expect((await step('open-voting')).body.status).toBe('voting-open');
    const open = await call('GET', tallyPath(), { token: staff });
    expect(open).toMatchObject({ status: 409, body: { code: 'ballot-tally-not-ready' } });
    expect(open.body.detail).toMatch(/voting-open/);

    await castMarks(voters[0]!, [1, 1, 0]);
    await castMarks(voters[1]!, [1, 0, 0]);
    await castMarks(voters[2]!, [0, 1, 1]);
    await castMarks(voters[3]!, [1, 0, 1]);
    expect((await step('close-voting')).body.status).toBe('voting-closed');
    const backlog = await call('GET', tallyPath(), { token: committeeToken });
    expect(backlog).toMatchObject({ status: 409, body: { code: 'ballot-tally-not-ready' } });
    expect(backlog.body.detail).toMatch(/verification: 4 ballot/);
    // A member cannot decrypt early either.
    await expect(decrypt(await cli(0))).rejects.toThrow(/409/);
    expect(await env.prisma.ballotPartialDecryption.count({ where: { electionId } })).toBe(0);

    // Someone not on this committee never sees the sums.
    const stranger = await call('GET', tallyPath(), {
      token: await token(voters[0]!, ['member', 'election-committee']),
    });
    expect(stranger.status).toBe(403);

    expect(await verifyBallotBatch(env.prisma, await received())).toMatchObject({ accepted: 4 });
    const ready = await call('GET', tallyPath(), { token: committeeToken });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      electionId,
      round: 1,
      ballotCount: 4,
      threshold: 2,
      decrypted: false,
      partialDecryptions: [],
    });
    expect(ready.body.sums).toHaveLength(1);
    expect(ready.body.sums[0]).toHaveLength(3);
    expect((await call('GET', tallyPath(), { token: staff })).status).toBe(200);
    const early = await call('GET', totalsPath(), { token: staff });
    expect(early).toMatchObject({ status: 409, body: { code: 'ballot-totals-not-ready' } });
  }, 60_000);

  it('when a partial decryption is tampered with, then it is refused with 422 naming the member and nothing is stored', async () => {
    const ready = await call('GET', tallyPath(), { token: staff });
    const encrypted = tallyFromWire(ready.body.sums as SumsJson);
    const honest = partialToWire(partiallyDecrypt(context, trusteeKeyOf(keyFiles[1]!), encrypted));
    // Swap two options' shares: every point decodes, the proofs no longer verify.
    const tampered = structuredClone(honest);
    [tampered.shares[0]![0], tampered.shares[0]![1]] = [honest.shares[0]![1]!, honest.shares[0]![0]!];
    const tolga = (await cli(1)).token;
    const refused = await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
      token: tolga,
      body: { partialDecryption: tampered },
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'ballot-partial-decryption-invalid' } });
    expect(refused.body.detail).toContain(committee[1]);
    // Another member's share posted as mine: refused too.
    const foreign = partialToWire(partiallyDecrypt(context, trusteeKeyOf(keyFiles[0]!), encrypted));
    expect(
      await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
        token: tolga,
        body: { partialDecryption: foreign },
      }),
    ).toMatchObject({ status: 422, body: { code: 'ballot-partial-decryption-invalid' } });
    // A share not for this sum (a changed point) fails its proof.
    const wrongSum = structuredClone(honest);
    wrongSum.shares[0]![2]!.share = honest.shares[0]![0]!.share;
    expect(
      await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
        token: tolga,
        body: { partialDecryption: wrongSum },
      }),
    ).toMatchObject({ status: 422 });
    // Wrong shape (an option missing): 422; not base64url at all: 400.
    const short = structuredClone(honest);
    short.shares[0]!.pop();
    expect(
      await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
        token: tolga,
        body: { partialDecryption: short },
      }),
    ).toMatchObject({ status: 422, body: { code: 'ballot-partial-decryption-invalid' } });
    const garbled = structuredClone(honest);
    garbled.shares[0]![0]!.share = '!!';
    expect(
      (
        await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
          token: tolga,
          body: { partialDecryption: garbled },
        })
      ).status,
    ).toBe(400);
    // Staff may read the sums but hold no share.
    expect(
      (
        await call('POST', `/v1/elections/${electionId}/ballot-box/partial-decryptions`, {
          token: staff,
          body: { partialDecryption: honest },
        })
      ).status,
    ).toBe(403);
    expect(await env.prisma.ballotPartialDecryption.count({ where: { electionId } })).toBe(0);
    expect(await env.prisma.ballotResult.count({ where: { electionId } })).toBe(0);
  }, 30_000);

  it('when 2 of the 3 members decrypt with the CLI, then the totals equal the plaintext choices and name who took part', async () => {
    const first = (await decrypt(await cli(0))) as Json;
    expect(first).toMatchObject({
      memberIndex: 1,
      memberId: committee[0],
      received: 1,
      threshold: 2,
      decrypted: false,
    });
    const notYet = await call('GET', totalsPath(), { token: (await cli(2)).token });
    expect(notYet).toMatchObject({ status: 409, body: { code: 'ballot-totals-not-ready' } });
    expect(notYet.body.detail).toMatch(/1 of 2/);
    // One per member.
    await expect(decrypt(await cli(0))).rejects.toThrow(/409.*ballot-partial-decryption-exists/);

    const second = (await decrypt(await cli(2))) as Json;
    expect(second).toMatchObject({ memberIndex: 3, received: 2, decrypted: true });
    const totals = await call('GET', totalsPath(), { token: staff });
    expect(totals.status).toBe(200);
    expect(totals.body).toMatchObject({
      electionId,
      round: 1,
      ballotCount: 4,
      totals: [[3, 2, 2]],
      members: [
        { index: 1, memberId: committee[0] },
        { index: 3, memberId: committee[2] },
      ],
      lifecycleTally: {
        ballotsCast: 4,
        totals: [
          { memberId: candidates[0], votes: 3 },
          { memberId: candidates[1], votes: 2 },
          { memberId: candidates[2], votes: 2 },
        ],
      },
    });
    expect((await call('GET', totalsPath(), { token: (await cli(1)).token })).status).toBe(200);
    expect((await call('GET', totalsPath(), { token: await voterToken(voters[0]!) })).status).toBe(403);

    // The decryption counted the round: the lifecycle holds the totals, and nobody can enter others by hand.
    const counted = await call('GET', `/v1/elections/${electionId}`, { token: staff });
    expect(counted.body.status).toBe('tallied');
    const round = await env.prisma.electionRound.findUniqueOrThrow({
      where: { electionId_round: { electionId, round: 1 } },
    });
    expect(round).toMatchObject({ ballotsCast: 4, blankBallots: 0, invalidBallots: 0, talliedBy: committee[2] });
    expect(round.totals).toEqual(totals.body.lifecycleTally.totals);
    const byHand = await call('POST', `/v1/elections/${electionId}/rounds/1/tally`, {
      token: (await cli(0)).token,
      body: { ballotsCast: 4, blankBallots: 0, invalidBallots: 0, totals: totals.body.lifecycleTally.totals },
    });
    expect(byHand).toMatchObject({ status: 409, body: { code: 'election-tally-from-ballot-box' } });

    // The third member's valid share is still stored; the totals do not change.
    expect((await decrypt(await cli(1))) as Json).toMatchObject({
      memberIndex: 2,
      received: 3,
      decrypted: true,
    });
    expect((await call('GET', totalsPath(), { token: staff })).body.totals).toEqual([[3, 2, 2]]);
    expect((await call('GET', tallyPath(), { token: staff })).body).toMatchObject({ decrypted: true });
  }, 60_000);
});
