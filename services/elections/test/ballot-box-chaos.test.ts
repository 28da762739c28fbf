import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  ballotToJson,
  createElectionContext,
  decodePoint,
  encryptBallot,
  fromBase64url,
  type BallotJson,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import {
  createApiClient,
  createTestDatabase,
  startTestTokenIssuer,
  testRedisPrefix,
  type TestTokenIssuer,
} from '@konsey/service-kit/testing';
import {
  confirm,
  decrypt,
  keygen,
  publish,
  shares,
  type CommitteeOptions,
} from '../src/ballot-box/cli/committee-commands.js';
import { electionWithFrozenRoll } from './ballot-box-setup.js';
import { electionsProcess, redisServer, type ChaosProcess } from './ballot-box-chaos-processes.js';

const VOTERS = 120;
const CASTERS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Cast {
  memberId: string;
  ballot: BallotJson;
  marks: number[];
  idempotencyKey: string;
  acknowledged?: { ballotId: string; trackingCode: string };
  attempts: number;
}

/**
 * kill -9 the API, a verification worker and Redis once each while members cast, start each again,
 * and reconcile: every ballot acknowledged with a 202 is on the board once and counted once. Real
 * processes (the compiled service), a Redis of the test's own, this machine's PostgreSQL.
 */
describe('ballot box chaos: kill -9 the API, a worker and Redis during a peak', () => {
  let issuer: TestTokenIssuer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let redis: ChaosProcess & { url: string };
  let api: ChaosProcess & { url: string };
  let worker: ChaosProcess & { url: string };
  const processes: ChaosProcess[] = [];

  beforeAll(async () => {
    issuer = await startTestTokenIssuer();
    database = await createTestDatabase('ballot_box_chaos');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    redis = await redisServer(await mkdtemp(join(tmpdir(), 'konsey-chaos-redis-')));
    await redis.start();
    processes.push(redis);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: testRedisPrefix('ballot_box_chaos'),
      JWKS_URL: issuer.jwksUrl,
      LOG_LEVEL: 'warn',
      DATA_DIR: await mkdtemp(join(tmpdir(), 'konsey-chaos-data-')),
    };
    api = await electionsProcess('api', env);
    await api.start(); // applies the migrations
    processes.push(api);
    worker = await electionsProcess('worker', env);
    await worker.start();
    processes.push(worker);
  }, 60_000);

  afterAll(async () => {
    for (const p of processes.reverse()) await p.stop();
    await pool?.end();
    await database?.drop();
    await issuer?.close();
  });

  it('when each is killed and restarted once during casting, then every acknowledged ballot is on the board and counted exactly once, and the totals are the sum of what was cast', async () => {
    const call = createApiClient(() => api.url);
    const staff = await issuer.mint({ sub: 'staff-chaos', roles: ['staff'] });
    const roster = async (n: number) => {
      const ids = Array.from({ length: n }, () => randomUUID()).sort();
      await pool.query(
        `INSERT INTO roster_members (member_id, kind, display_name, gender, status, admitted_at, updated_at)
         SELECT id, 'individual', 'Üye', 'female', 'active', '2020-01-01', now() FROM unnest($1::uuid[]) AS id`,
        [ids],
      );
      return ids;
    };
    const candidates = await roster(3);
    const committee = await roster(3);
    const voters = await roster(VOTERS);
    const bodyId = randomUUID();
    await pool.query(
      `INSERT INTO roster_bodies (body_id, kind, name, created_at) VALUES ($1, 'executive-board', 'Yürütme Kurulu', now())`,
      [bodyId],
    );
    const electionId = await electionWithFrozenRoll({ call, staff, bodyId, committee, candidates });
    const keys = await mkdtemp(join(tmpdir(), 'konsey-chaos-committee-'));
    const members: CommitteeOptions[] = await Promise.all(
      committee.map(async (memberId, i) => ({
        election: electionId,
        url: api.url,
        token: await issuer.mint({
          sub: memberId,
          roles: ['member', 'election-committee'],
          ttlSeconds: 3600,
        }),
        keyFile: join(keys, `${i}.key`),
      })),
    );
    for (const command of [keygen, publish, shares, confirm]) for (const m of members) await command(m);
    const opened = await call('POST', `/v1/elections/${electionId}/transitions`, {
      token: staff,
      body: { action: 'open-voting' },
    });
    expect(opened.status).toBe(200);
    const published = (await call('GET', `/v1/elections/${electionId}/ballot-box/context`, { token: staff }))
      .body;
    const context = createElectionContext({
      manifest: published.manifest as ElectionManifest,
      parameters: published.parameters as ElectionParameters,
      commitments: (published.commitments as string[][]).map((c) =>
        c.map((p) => decodePoint(fromBase64url(p, 32))),
      ),
    });

    // Every phone gets its credential and encrypts before the peak.
    const tokens = new Map<string, string>();
    const prepare = async (memberId: string, i: number): Promise<Cast> => {
      tokens.set(memberId, await issuer.mint({ sub: memberId, roles: ['member'], ttlSeconds: 3600 }));
      const credential = await call('POST', `/v1/elections/${electionId}/credentials`, {
        token: tokens.get(memberId)!,
      });
      expect(credential.status).toBe(201);
      const marks = [
        [1, 0, 0],
        [0, 1, 1],
        [1, 1, 0],
        [0, 0, 0],
        [0, 0, 1],
      ][i % 5]!;
      const { ballot } = encryptBallot({
        context,
        voterBinding: fromBase64url(credential.body.voterBinding as string),
        selections: [marks],
      });
      return { memberId, ballot: ballotToJson(ballot), marks, idempotencyKey: randomUUID(), attempts: 0 };
    };
    const casts: Cast[] = [];
    for (let i = 0; i < voters.length; i += CASTERS)
      casts.push(...(await Promise.all(voters.slice(i, i + CASTERS).map((m, j) => prepare(m, i + j)))));

    // The peak: a few phones at a time; each retries with the same Idempotency-Key until it gets its 202.
    const castOne = async (cast: Cast) => {
      while (!cast.acknowledged) {
        cast.attempts += 1;
        if (cast.attempts > 200) throw new Error(`no 202 for ${cast.memberId} after 200 attempts`);
        try {
          const answer = await call('POST', `/v1/elections/${electionId}/ballots`, {
            token: tokens.get(cast.memberId)!,
            body: { ballot: cast.ballot },
            headers: { 'idempotency-key': cast.idempotencyKey },
          });
          if (answer.status === 202) cast.acknowledged = answer.body;
          else if (answer.status < 500) throw new Error(`cast: ${answer.status} ${answer.text}`);
          else await sleep(200);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('cast:')) throw error;
          await sleep(200); // connection refused or reset: the API is down
        }
      }
    };
    let next = 0;
    const casters = Array.from({ length: CASTERS }, async () => {
      while (next < casts.length) {
        await castOne(casts[next++]!);
        await sleep(60);
      }
    });
    const acknowledged = () => casts.filter((c) => c.acknowledged).length;
    const after = async (count: number) => {
      while (acknowledged() < count) await sleep(20);
    };
    // Each kill lands while casts are going on: the acknowledged count when it happened is recorded.
    const timeline: { event: string; acknowledged: number }[] = [];
    const killAndRestart = async (target: ChaosProcess, downMs: number) => {
      timeline.push({ event: `kill -9 ${target.name}`, acknowledged: acknowledged() });
      await target.kill9();
      await sleep(downMs);
      await target.start();
      timeline.push({ event: `${target.name} up`, acknowledged: acknowledged() });
    };
    const chaos = (async () => {
      await after(VOTERS * 0.1);
      await killAndRestart(api, 300);
      await after(VOTERS * 0.3);
      await killAndRestart(redis, 500);
      await after(VOTERS * 0.5);
      // The worker goes last: its start-up reconciliation re-enqueues what the API could not hand to Redis.
      await killAndRestart(worker, 300);
    })();
    await Promise.all([...casters, chaos]);
    expect(acknowledged()).toBe(VOTERS);
    expect(timeline.map((t) => t.event)).toEqual([
      'kill -9 elections-api',
      'elections-api up',
      'kill -9 redis',
      'redis up',
      'kill -9 elections-worker',
      'elections-worker up',
    ]);
    // Every kill lands during the peak, and casting goes on after the API and Redis are back.
    for (const t of timeline.slice(0, 5)) expect([t.event, t.acknowledged < VOTERS]).toEqual([t.event, true]);
    for (const p of processes) expect(p.unexpectedExits).toEqual([]);

    // Reconcile: the backlog drains without help, then the board, the ballots and the sum agree.
    const statuses = async () =>
      Object.fromEntries(
        (
          await pool.query<{ status: string; n: number }>(
            `SELECT status, count(*)::int AS n FROM ballots WHERE election_id = $1 GROUP BY status`,
            [electionId],
          )
        ).rows.map((r) => [r.status, r.n]),
      );
    const deadline = Date.now() + 20_000;
    while ((await statuses()).received && Date.now() < deadline) await sleep(200);
    expect(await statuses()).toEqual({ accepted: VOTERS });
    // The board sequencer (in the API after each cast, in the workers' sweep for what an API left) catches up.
    const unboarded = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ballot_board_queue WHERE election_id = $1`,
          [electionId],
        )
      ).rows[0]!.n;
    while ((await unboarded()) > 0 && Date.now() < deadline + 10_000) await sleep(200);
    expect(await unboarded()).toBe(0);

    const board = await pool.query<{ tracking_code: string; n: number }>(
      `SELECT tracking_code, count(*)::int AS n FROM ballot_board_entries WHERE election_id = $1 GROUP BY tracking_code`,
      [electionId],
    );
    const onBoard = new Map(board.rows.map((r) => [r.tracking_code, r.n]));
    expect(onBoard.size).toBe(VOTERS);
    for (const cast of casts)
      expect([cast.acknowledged!.trackingCode, onBoard.get(cast.acknowledged!.trackingCode)]).toEqual([
        cast.acknowledged!.trackingCode,
        1,
      ]);
    const stored = await pool.query<{ id: string; tracking_code: string }>(
      `SELECT id::text, tracking_code FROM ballots WHERE election_id = $1 AND status = 'accepted'`,
      [electionId],
    );
    expect(new Set(stored.rows.map((r) => r.id))).toEqual(
      new Set(casts.map((c) => c.acknowledged!.ballotId)),
    );
    const tally = await pool.query<{ ballot_count: number }>(
      `SELECT ballot_count FROM ballot_tallies WHERE election_id = $1 AND round = 1`,
      [electionId],
    );
    expect(tally.rows[0]!.ballot_count).toBe(VOTERS);

    // The committee decrypts 2 of 3: the totals are the sum of the marks cast.
    const closed = await call('POST', `/v1/elections/${electionId}/transitions`, {
      token: staff,
      body: { action: 'close-voting' },
    });
    expect(closed.status).toBe(200);
    await decrypt(members[0]!);
    await decrypt(members[1]!);
    const totals = await call('GET', `/v1/elections/${electionId}/ballot-box/totals`, { token: staff });
    expect(totals.status).toBe(200);
    const expected = [0, 1, 2].map((o) => casts.reduce((sum, c) => sum + c.marks[o]!, 0));
    expect(totals.body).toMatchObject({ ballotCount: VOTERS, totals: [expected] });
    expect(casts.some((c) => c.attempts > 1)).toBe(true); // the kills did interrupt some casts
  }, 90_000);
});
