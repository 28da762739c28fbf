// Command-line arguments of the ballot-box benchmark; `--quick` is a short run of every phase.
import { parseArgs } from 'node:util';

export const USAGE = `npm run bench -w @konsey/elections -- [--rate N] [--duration S] [--verify-ballots N] [--insert-seconds S] [--quick] [--chaos] [--json]
  --rate            ballots offered per second during the intake window (default 1000)
  --duration        intake window in seconds (default 60)
  --verify-ballots  real encrypted ballots for the verification and tally phase (default 2000)
  --insert-seconds  length of the raw PostgreSQL insert measurement (default 10)
  --quick           rate 200, duration 10, 800 verification ballots, 5 s of raw inserts
  --chaos           instead: the chaos run, real ballots at --rate (default 10/s) for --duration s, kill -9 the
                    API, Redis and a worker once each, then reconcile the board, the sum and the totals
  --json            print the figures as JSON after the table`;

export function benchArgs(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: 'string' },
      duration: { type: 'string' },
      'verify-ballots': { type: 'string' },
      'insert-seconds': { type: 'string' },
      quick: { type: 'boolean', default: false },
      chaos: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const number = (value, fallback) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`not a positive number: ${value}\n${USAGE}`);
    return n;
  };
  const q = values.quick;
  return {
    help: values.help,
    json: values.json,
    chaos: values.chaos,
    rate: number(values.rate, values.chaos ? 10 : q ? 200 : 1000),
    durationSeconds: number(values.duration, q ? 10 : 60),
    verifyBallots: Math.round(number(values['verify-ballots'], q ? 800 : 2000)),
    insertSeconds: number(values['insert-seconds'], q ? 5 : 10),
  };
}
