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
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import type { Gender, Role } from '@konsey/contracts';
import {
  createApiClient,
  startTestService,
  startTestTokenIssuer,
  type ApiAnswer,
} from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';
import { drainToBoard, verifyBallotBatch } from '../src/ballot-box/index.js';
import {
  confirm,
  decrypt,
  keygen,
  publish,
  shares,
  signRecord,
  type CommitteeOptions,
} from '../src/ballot-box/cli/committee-commands.js';
import { rosterMember } from './ballot-box-setup.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * An elections service on a fresh database with a token issuer, and the moves of a secret-ballot
 * election as members, staff and the committee make them: the committee's CLI code with a key file per
 * member and round, ballots encrypted as a phone would, verification run on demand. The clock is
 * 2027-03-01, as in `electionWithFrozenRoll`.
 */
export async function startBallotBoxHarness(label: string) {
  const issuer = await startTestTokenIssuer();
  const env = await startTestService(electionsService({ now: () => new Date('2027-03-01T09:00:00.000Z') }), {
    label,
    env: { JWKS_URL: issuer.jwksUrl },
  });
  const call = createApiClient(() => env.url);
  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });
  const staff = await token('staff-1', ['staff']);
  const keyDir = await mkdtemp(join(tmpdir(), `konsey-${label}-`));
  const contexts = new Map<string, ElectionContext>();

  const expectStatus = (answer: ApiAnswer, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text}`);
    return answer;
  };

  const harness = {
    env,
    call,
    staff,
    token,
    member: (displayName: string, gender: Gender = 'female') => rosterMember(env.prisma, displayName, gender),
    voterToken: (memberId: string) => token(memberId, ['member']),

    async body(kind: string, name: string): Promise<string> {
      const bodyId = randomUUID();
      await env.prisma.rosterBody.create({ data: { bodyId, kind, name, createdAt: new Date() } });
      return bodyId;
    },

    async step(electionId: string, action: string): Promise<Json> {
      const answer = await call('POST', `/v1/elections/${electionId}/transitions`, {
        token: staff,
        body: { action },
      });
      return expectStatus(answer, 200, action).body;
    },

    /** A committee member's CLI options; each round has a key file of its own. */
    async cli(electionId: string, memberId: string, round = 1): Promise<CommitteeOptions> {
      return {
        election: electionId,
        url: env.url,
        token: await token(memberId, ['member', 'election-committee']),
        keyFile: join(keyDir, `${electionId}-${memberId}-round-${round}.key`),
      };
    },

    /** The whole ceremony of a round, every member in turn at each step, as the CLI runs it. */
    async ceremony(electionId: string, committee: readonly string[], round = 1): Promise<void> {
      const members = await Promise.all(committee.map((m) => harness.cli(electionId, m, round)));
      for (const m of members) await keygen(m);
      for (const m of members) await publish(m);
      for (const m of members) await shares(m);
      for (const m of members) await confirm(m);
    },

    async decrypt(electionId: string, memberId: string, round = 1): Promise<Json> {
      return (await decrypt(await harness.cli(electionId, memberId, round))) as Json;
    },

    async sign(electionId: string, memberId: string, round = 1): Promise<Json> {
      return (await signRecord({ ...(await harness.cli(electionId, memberId, round)), round })) as Json;
    },

    /** The ballot a phone encrypts for these marks (one per option of the round's ballot). */
    async ballotFor(electionId: string, memberId: string, marks: number[]): Promise<Json> {
      const voter = await harness.voterToken(memberId);
      const credential = await call('POST', `/v1/elections/${electionId}/credentials`, { token: voter });
      const published = await call('GET', `/v1/elections/${electionId}/ballot-box/context`, { token: voter });
      const ceremonyId = published.body.ceremonyId as string;
      if (!contexts.has(ceremonyId))
        contexts.set(
          ceremonyId,
          createElectionContext({
            manifest: published.body.manifest as ElectionManifest,
            parameters: published.body.parameters as ElectionParameters,
            commitments: (published.body.commitments as string[][]).map((c) =>
              c.map((p) => decodePoint(fromBase64url(p, 32))),
            ),
          }),
        );
      const { ballot } = encryptBallot({
        context: contexts.get(ceremonyId)!,
        voterBinding: fromBase64url(credential.body.voterBinding as string),
        selections: [marks],
      });
      return { ballot: ballotToJson(ballot) };
    },

    async castBody(electionId: string, memberId: string, body: Json): Promise<Json> {
      const answer = await call('POST', `/v1/elections/${electionId}/ballots`, {
        token: await harness.voterToken(memberId),
        body,
        headers: { 'idempotency-key': randomUUID() },
      });
      return expectStatus(answer, 202, `cast by ${memberId}`).body;
    },

    async cast(electionId: string, memberId: string, marks: number[]): Promise<Json> {
      return harness.castBody(electionId, memberId, await harness.ballotFor(electionId, memberId, marks));
    },

    /** Runs verification over every ballot still `received`, as a worker would. */
    async verifyAll(electionId: string) {
      const received = await env.prisma.ballot.findMany({
        where: { electionId, status: 'received' },
        select: { id: true },
        orderBy: { seq: 'asc' },
      });
      const outcome = await verifyBallotBatch(
        env.prisma,
        received.map((b) => b.id),
      );
      // And the board's appends, as the API and the workers' sweep make them.
      for (const { round } of await env.prisma.ballot.findMany({
        where: { electionId },
        distinct: ['round'],
        select: { round: true },
      }))
        await drainToBoard(env.prisma, electionId, round);
      return outcome;
    },

    async stop() {
      await env.stop();
      await issuer.close();
    },
  };
  return harness;
}

export type BallotBoxHarness = Awaited<ReturnType<typeof startBallotBoxHarness>>;
