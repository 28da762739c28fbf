// The benchmark's table: each figure beside its target from issue #6.
const f = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function printReport(r) {
  const intake = r.intake;
  const errors =
    Object.entries(intake.errors)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'none';
  const rows = [
    [
      'raw PostgreSQL inserts (1 row per tx, ' + r.insert.connections + ' conns)',
      `${f(r.insert.rowsPerSecond)} rows/s`,
      '',
      `synchronous_commit=${r.insert.synchronousCommit}`,
    ],
    [
      `intake offered`,
      `${f(intake.offered)} in ${f(r.args.durationSeconds)} s`,
      '',
      `${f(r.args.rate)}/s open model`,
    ],
    [
      'intake accepted (202) per second, in the window',
      `${f(intake.acceptedPerSecond, 1)} /s`,
      '≥ 1000 /s',
      `${f(intake.accepted)} accepted in all`,
    ],
    [
      '  as a share of the raw insert rate',
      `${f((100 * intake.acceptedPerSecond) / r.insert.rowsPerSecond, 1)} %`,
      '',
      '',
    ],
    [
      'intake latency p50 / p95 / p99 / max',
      `${f(intake.p50)} / ${f(intake.p95)} / ${f(intake.p99)} / ${f(intake.max)} ms`,
      'p99 < 250 ms',
      '',
    ],
    ['intake errors', errors, 'none', ''],
    [
      '  API CPU per request sent (intake window)',
      `${f(intake.apiCpuMsPerRequest, 1)} ms`,
      '',
      'process CPU time, not wall clock',
    ],
    [
      '  PostgreSQL / load generator CPU per request',
      `${f(intake.postgresCpuMsPerRequest, 1)} / ${f(intake.loadGeneratorCpuMsPerRequest, 1)} ms`,
      '',
      `all three: ${f(
        (r.cpus * 1000) /
          (intake.apiCpuMsPerRequest + intake.postgresCpuMsPerRequest + intake.loadGeneratorCpuMsPerRequest),
      )} casts/s on ${r.cpus} cores`,
    ],
    [
      `intake of real ballots, ${r.realIntake.concurrency} at a time`,
      `${f(r.realIntake.perSecond, 1)} /s`,
      '',
      `p50 ${f(r.realIntake.p50)} ms, p99 ${f(r.realIntake.p99)} ms, ${r.realIntake.retries} retried 5xx`,
    ],
    [
      '  API CPU per real cast',
      `${f(r.realIntake.apiCpuMsPerCast, 1)} ms`,
      '',
      `→ ${f(1000 / r.realIntake.apiCpuMsPerCast)} casts/s per API core`,
    ],
    ['verification, 1 worker process', `${f(r.verification.oneWorker, 1)} ballots/s`, '≥ 40 /s per core', ''],
    [
      'verification, 2 worker processes',
      `${f(r.verification.twoWorkers, 1)} ballots/s`,
      'scales',
      JSON.stringify(r.verification.statuses),
    ],
    [
      '  worker CPU per verified ballot',
      `${f(r.verification.workerCpuMsPerBallot, 1)} ms`,
      '',
      `→ ${f(1000 / r.verification.workerCpuMsPerBallot, 1)} ballots/s per worker core`,
    ],
    [`close → tally readable (${r.totals.ballotCount} ballots)`, `${f(r.totals.tallyReadyMs)} ms`, '', ''],
    [
      `close → plaintext totals (2 of 3 decrypt)`,
      `${f(r.totals.totalsReadyMs)} ms`,
      '≤ 5 s (100,000)',
      r.totals.match ? 'totals = sum of marks cast' : 'TOTALS DIFFER',
    ],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(
    `\nBallot box benchmark, ${r.date}, node ${process.version}, ${r.cpus} cores, load average before ${r.loadBefore}`,
  );
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(
    `(the intake run casts synthetic well-formed ballots; verification, tally and decryption use real ones; see docs/capacity.md)`,
  );
}
