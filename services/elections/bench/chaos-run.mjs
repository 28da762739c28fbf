// The full chaos run of issue #6: a peak of real ballots for `durationSeconds` against the API and two
// worker processes on a Redis of its own; kill -9 the API, then Redis, then a worker, once each, and
// start them again; then reconcile: every acknowledged (202) ballot is on the board once and counted
// once, and the committee's totals are the sum of the marks cast.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { closeToTotals } from './close-to-totals.mjs';
import { openElection } from './election-fixture.mjs';
import { encryptBallots } from './real-ballots.mjs';
import { ownRedis } from './redis-process.mjs';
import { startStack } from './service-stack.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A phone: the same Idempotency-Key until a 202, through refused connections and 5xx. */
async function castUntilAcknowledged(url, electionId, voter, ballot) {
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${url}/v1/elections/${electionId}/ballots`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${voter.token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ ballot }),
      signal: AbortSignal.timeout(10_000),
    }).catch((error) => error);
    if (!(response instanceof Error)) {
      const body = await response.json().catch(() => ({}));
      if (response.status === 202) return { ...body, attempts: attempt };
      if (response.status < 500) throw new Error(`cast answered ${response.status} ${JSON.stringify(body)}`);
    }
    await sleep(Math.min(2000, 200 * attempt));
  }
}

export async function chaosRun({ issuer, rate, durationSeconds, log }) {
  const redis = await ownRedis();
  const stack = await startStack({ label: 'bench_chaos', jwksUrl: issuer.jwksUrl, redisUrl: redis.url });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const voters = Math.round(rate * durationSeconds);
    const election = await openElection({ url: stack.url, databaseUrl: stack.databaseUrl, issuer, voters });
    log(`chaos: encrypting ${voters} reference ballots ahead`);
    const ballots = await encryptBallots(election.context, election.voters);
    await stack.addWorker();
    await stack.addWorker();
    log(
      `chaos: ${rate}/s for ${durationSeconds} s; kill -9 the API at 20 %, Redis at 45 %, worker 1 at 70 %`,
    );
    const start = performance.now();
    const events = [];
    const chaos = (async () => {
      const at = async (share, what, action) => {
        await sleep(Math.max(0, start + share * durationSeconds * 1000 - performance.now()));
        const t = performance.now();
        await action();
        events.push({ what, atSeconds: (t - start) / 1000, downSeconds: (performance.now() - t) / 1000 });
      };
      await at(0.2, 'kill -9 API, restart', () => stack.restartApi(500));
      await at(0.45, 'kill -9 Redis, restart', () => redis.restart(1000));
      await at(0.7, 'kill -9 worker 1, restart', () => stack.restartWorker(0, 500));
    })();
    const casts = election.voters.map(async (voter, i) => {
      await sleep(Math.max(0, start + (i / rate) * 1000 - performance.now()));
      return castUntilAcknowledged(stack.url, election.electionId, voter, ballots[i].ballot);
    });
    const acknowledged = await Promise.all(casts);
    await chaos;
    const peakSeconds = (performance.now() - start) / 1000;

    const count = async (sql) => (await pool.query(sql, [election.electionId])).rows[0];
    const drainStart = performance.now();
    while (
      (await count(`SELECT count(*)::int AS n FROM ballots WHERE election_id = $1 AND status = 'received'`))
        .n > 0
    )
      await sleep(200);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const board = await pool.query(
      `SELECT tracking_code, count(*)::int AS n FROM ballot_board_entries WHERE election_id = $1 GROUP BY tracking_code`,
      [election.electionId],
    );
    const onBoard = new Map(board.rows.map((r) => [r.tracking_code, r.n]));
    const missing = acknowledged.filter((a) => onBoard.get(a.trackingCode) !== 1).length;
    const accepted = (
      await count(`SELECT count(*)::int AS n FROM ballots WHERE election_id = $1 AND status = 'accepted'`)
    ).n;
    const tallied = (
      await count(`SELECT ballot_count AS n FROM ballot_tallies WHERE election_id = $1 AND round = 1`)
    ).n;
    const totals = await closeToTotals(election);
    const expected = ballots.reduce(
      (sum, b) => sum.map((n, i) => n + b.marks[i]),
      Array(ballots[0].marks.length).fill(0),
    );
    return {
      voters,
      acknowledged: acknowledged.length,
      retriedCasts: acknowledged.filter((a) => a.attempts > 1).length,
      peakSeconds,
      events,
      drainSeconds,
      boardEntries: board.rows.length,
      acknowledgedNotOnBoardOnce: missing,
      accepted,
      tallied,
      totalsMatch: JSON.stringify(expected) === JSON.stringify(totals.totals),
      ok:
        missing === 0 &&
        accepted === voters &&
        tallied === voters &&
        board.rows.length === voters &&
        JSON.stringify(expected) === JSON.stringify(totals.totals),
    };
  } finally {
    await pool.end();
    await stack.stop();
    await redis.stop();
  }
}
