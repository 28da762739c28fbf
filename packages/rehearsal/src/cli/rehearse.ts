import { writeFile } from 'node:fs/promises';
import { generateCouncil } from '../scale/generate-council.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { ScenarioError } from '../scenario/scenario-problem.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { textReport } from '../report/text-report.js';
import { runRehearsal } from '../run-rehearsal.js';
import { parseSuiteUrl } from '../suite/suite-endpoints.js';
import { parseArguments, USAGE } from './parse-arguments.js';

/** `konsey-rehearse`: exit 0 only when every step succeeded and every record verified; 2 for a bad command or scenario. */
export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let scenario: Scenario | undefined;
  try {
    if (args.scenario) scenario = await loadScenario(args.scenario);
    if (args.scale !== undefined)
      scenario = generateCouncil({ members: args.scale, seed: args.seed, base: scenario });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    process.stderr.write(
      `Senaryo reddedildi, suite'e hiçbir şey gönderilmedi / scenario refused, nothing was sent to the suite: ${args.scenario}\n${error.message}\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const env = process.env;
  const given = args.url
    ? {
        endpoints: parseSuiteUrl(args.url),
        operator: { email: env.KONSEY_OPERATOR_EMAIL ?? '', password: env.KONSEY_OPERATOR_PASSWORD ?? '' },
        smtpPort: args.smtpPort,
      }
    : undefined;
  if (given && (!given.operator.email || !given.operator.password)) {
    process.stderr.write('--url: KONSEY_OPERATOR_EMAIL ve KONSEY_OPERATOR_PASSWORD gerekli / are required\n');
    return 2;
  }
  const { report, suite } = await runRehearsal({
    scenario: scenario!,
    scenarioPath: args.scenario ?? `--scale ${args.scale}`,
    env,
    ...(given ? { given } : {}),
    keep: args.keep,
    concurrency: args.concurrency,
    log,
  });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.out) await writeFile(args.out, json);
  process.stdout.write(args.json ? json : `${textReport(report)}\n`);
  if (suite) {
    process.stderr.write(
      [
        '',
        'Suite açık bırakıldı / the suite is left running (Ctrl-C durdurur / stops it; databases and logs are kept):',
        ...Object.entries(suite.endpoints).map(([name, url]) => `  ${name.padEnd(14)} ${url}`),
        `  operator       ${suite.operator.email} / ${suite.operator.password}`,
        `  data, logs     ${suite.description.dataDir}`,
        `  ${suite.description.postgres}`,
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await suite.stop({ keep: true });
  }
  return report.ok ? 0 : 1;
}
