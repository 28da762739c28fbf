// Verification throughput: with the ballots cast and no worker running, start one worker process and
// time the decisions over the first half of the backlog, then a second one and time the rest.
import pg from 'pg';
import { cpuSeconds } from './process-cpu.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function verificationRates({ stack, electionId, ballots }) {
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
  const decided = async () =>
    Number(
      (
        await pool.query(`SELECT count(*) FROM ballots WHERE election_id = $1 AND status <> 'received'`, [
          electionId,
        ])
      ).rows[0].count,
    );
  const waitFor = async (count, timeoutMs = 600_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await decided();
      if (now >= count) return { count: now, at: performance.now() };
      if (Date.now() > deadline) throw new Error(`verification stalled at ${now} of ${count}`);
      await sleep(50);
    }
  };
  try {
    await stack.addWorker();
    const first = await waitFor(1);
    const firstCpu = cpuSeconds(stack.workers[0].child.pid);
    const half = await waitFor(Math.floor(ballots / 2));
    const one = (half.count - first.count) / ((half.at - first.at) / 1000);
    const second = await stack.addWorker();
    const secondCpu = cpuSeconds(second.child.pid);
    const from = { count: await decided(), at: performance.now() };
    const all = await waitFor(ballots);
    // NaN when the first worker finished the backlog before the second was up (too few ballots).
    const two = all.count > from.count ? (all.count - from.count) / ((all.at - from.at) / 1000) : NaN;
    const workerCpu =
      cpuSeconds(stack.workers[0].child.pid) - firstCpu + (cpuSeconds(second.child.pid) - secondCpu);
    const { rows } = await pool.query(
      `SELECT status, count(*)::int AS n FROM ballots WHERE election_id = $1 GROUP BY status`,
      [electionId],
    );
    return {
      oneWorker: one,
      twoWorkers: two,
      workerCpuMsPerBallot: (workerCpu * 1000) / (all.count - first.count),
      statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    };
  } finally {
    await pool.end();
  }
}
