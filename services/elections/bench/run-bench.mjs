#!/usr/bin/env node
// The General Assembly peak on this machine (issue #6, "Load"): intake, verification with 1 and 2
// worker processes, close to totals, and the raw PostgreSQL insert rate for the ratio. Prints figures
// beside their targets; asserts nothing. Run after a build: npm run bench -w @konsey/elections [-- --quick]
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { startTestTokenIssuer } from '@konsey/service-kit/testing';
import { benchArgs, USAGE } from './bench-args.mjs';
import { runArrivalRate, summarise } from './arrival-rate-load.mjs';
import { closeToTotals } from './close-to-totals.mjs';
import { castAll } from './closed-loop-casts.mjs';
import { cpuSeconds, ownCpuSeconds, postgresCpuSeconds } from './process-cpu.mjs';
import { chaosRun } from './chaos-run.mjs';
import { openElection } from './election-fixture.mjs';
import { postgresInsertRate } from './postgres-insert-rate.mjs';
import { printReport } from './print-report.mjs';
import { encryptBallots } from './real-ballots.mjs';
import { startStack } from './service-stack.mjs';
import { syntheticBallots } from './synthetic-ballots.mjs';
import { verificationRates } from './verification-rate.mjs';

const WARM_UP = 200;
const POOL_MAX = 10;
const log = (message) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const castRequest = (electionId, voter, ballot) => ({
  path: `/v1/elections/${electionId}/ballots`,
  headers: {
    authorization: `Bearer ${voter.token}`,
    'content-type': 'application/json',
    'idempotency-key': randomUUID(),
  },
  body: JSON.stringify({ ballot }),
});

async function intakePhase(args, issuer) {
  const stack = await startStack({ label: 'bench_intake', jwksUrl: issuer.jwksUrl, poolMax: POOL_MAX });
  try {
    const voters = Math.round(args.rate * args.durationSeconds) + WARM_UP;
    log(`intake: setting up ${voters} voters and the key ceremony`);
    const election = await openElection({ url: stack.url, databaseUrl: stack.databaseUrl, issuer, voters });
    const ballotFor = syntheticBallots(election.context.manifest);
    log(`raw PostgreSQL inserts for ${args.insertSeconds} s`);
    const insert = await postgresInsertRate({
      databaseUrl: stack.databaseUrl,
      connections: POOL_MAX,
      seconds: args.insertSeconds,
      payload: JSON.stringify(ballotFor(election.voters[0].voterBinding)),
    });
    const request = (offset) => (i) => {
      const voter = election.voters[offset + i];
      return castRequest(election.electionId, voter, ballotFor(voter.voterBinding));
    };
    log(`warm-up: ${WARM_UP} casts at 50/s`);
    await runArrivalRate({ url: stack.url, rate: 50, durationSeconds: WARM_UP / 50, request: request(0) });
    log(`intake: ${args.rate}/s for ${args.durationSeconds} s`);
    const cpuBefore = cpuSeconds(stack.api.child.pid);
    const postgresBefore = postgresCpuSeconds();
    const loadBefore = ownCpuSeconds();
    const run = await runArrivalRate({
      url: stack.url,
      rate: args.rate,
      durationSeconds: args.durationSeconds,
      request: request(WARM_UP),
    });
    const intake = summarise(run);
    const sent = run.results.filter((r) => r.error !== 'client-backlog').length;
    const perRequest = (seconds) => (seconds * 1000) / sent;
    intake.apiCpuMsPerRequest = perRequest(cpuSeconds(stack.api.child.pid) - cpuBefore);
    // Where a cast's CPU goes on this machine: the sum says how many casts per second its cores allow.
    intake.postgresCpuMsPerRequest = perRequest(postgresCpuSeconds() - postgresBefore);
    intake.loadGeneratorCpuMsPerRequest = perRequest(ownCpuSeconds() - loadBefore);
    log(`raw inserts: ${JSON.stringify(insert)}`);
    log(`intake: ${JSON.stringify(intake)}`);
    return { insert: { ...insert, connections: POOL_MAX }, intake };
  } finally {
    await stack.stop();
  }
}

async function verificationPhase(args, issuer) {
  const stack = await startStack({ label: 'bench_verify', jwksUrl: issuer.jwksUrl, poolMax: POOL_MAX });
  try {
    log(`verification: setting up ${args.verifyBallots} voters`);
    const election = await openElection({
      url: stack.url,
      databaseUrl: stack.databaseUrl,
      issuer,
      voters: args.verifyBallots,
    });
    log(`encrypting ${args.verifyBallots} reference ballots ahead (the phones' work)`);
    const ballots = await encryptBallots(election.context, election.voters);
    log('casting them, 4 at a time (no worker running yet)');
    const realIntake = await castAll({
      url: stack.url,
      apiPid: stack.api.child.pid,
      requests: ballots.map((b, i) => castRequest(election.electionId, election.voters[i], b.ballot)),
    });
    log(`real ballots: ${JSON.stringify(realIntake)}`);
    log('verifying with 1, then 2 worker processes');
    const verification = await verificationRates({
      stack,
      electionId: election.electionId,
      ballots: args.verifyBallots,
    });
    log('closing and decrypting');
    const totals = await closeToTotals(election);
    const expected = ballots.reduce(
      (sum, b) => sum.map((n, i) => n + b.marks[i]),
      Array(ballots[0].marks.length).fill(0),
    );
    return {
      realIntake,
      verification,
      totals: { ...totals, match: JSON.stringify(expected) === JSON.stringify(totals.totals) },
    };
  } finally {
    await stack.stop();
  }
}

const args = benchArgs();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const report = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  loadBefore: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  args,
};
const issuer = await startTestTokenIssuer();
try {
  if (args.chaos) {
    const chaos = await chaosRun({ issuer, rate: args.rate, durationSeconds: args.durationSeconds, log });
    console.log(
      `\nBallot box chaos run, ${report.date}, ${report.cpus} cores, load average before ${report.loadBefore}`,
    );
    console.log(JSON.stringify(chaos, null, 2));
    console.log(
      chaos.ok ? 'OK: every acknowledged ballot is on the board and counted once' : 'FAILED: see above',
    );
    process.exitCode = chaos.ok ? 0 : 1;
  } else {
    Object.assign(report, await intakePhase(args, issuer));
    Object.assign(report, await verificationPhase(args, issuer));
    report.loadAfter = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    printReport(report);
    if (args.json) console.log(JSON.stringify(report, null, 2));
  }
} finally {
  await issuer.close();
}
