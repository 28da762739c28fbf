import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driveRehearsal, type DriveOutcome } from './drive/rehearse.js';
import { buildReport } from './report/build-report.js';
import type { RehearsalReport } from './report/result-types.js';
import { settingsOf } from './scenario/council-settings.js';
import type { Scenario } from './scenario/scenario-types.js';
import { startOwnSuite, type OwnSuite } from './suite/own-suite.js';
import { SmtpSink } from './suite/smtp-sink.js';
import type { SuiteEndpoints } from './suite/suite-endpoints.js';

export interface RunOptions {
  scenario: Scenario;
  scenarioPath: string;
  /** The environment (POSTGRES_URL, REDIS_URL, KONSEY_DATABASE as for `npm start`). */
  env: NodeJS.ProcessEnv;
  /** Drive a running suite instead of starting one. */
  given?: { endpoints: SuiteEndpoints; operator: { email: string; password: string }; smtpPort: number };
  keep?: boolean;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  report: RehearsalReport;
  outcome: DriveOutcome;
  /** The suite started for the rehearsal, still running when `keep` was asked. */
  suite: OwnSuite | undefined;
}

/** Start (or reach) the suite, drive the day, build the report, stop the suite unless asked to keep it. */
export async function runRehearsal(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? (() => undefined);
  const startedAt = new Date();
  const workDir = await mkdtemp(join(tmpdir(), 'konsey-rehearsal-work-'));
  let suite: OwnSuite | undefined;
  let givenSmtp: SmtpSink | undefined;
  let failed = true;
  try {
    let endpoints: SuiteEndpoints;
    let operator: { email: string; password: string };
    let smtp: SmtpSink;
    let suiteInfo: RehearsalReport['suite'];
    if (options.given) {
      endpoints = options.given.endpoints;
      operator = options.given.operator;
      smtp = givenSmtp = await SmtpSink.start(options.given.smtpPort);
      suiteInfo = { mode: 'url', postgres: 'given suite', redis: 'given suite' };
    } else {
      suite = await startOwnSuite({ env: options.env, progress: log });
      endpoints = suite.endpoints;
      operator = suite.operator;
      smtp = suite.smtp;
      suiteInfo = { mode: 'own', postgres: suite.description.postgres, redis: suite.description.redis };
    }
    const outcome = await driveRehearsal({
      endpoints,
      scenario: options.scenario,
      settings: settingsOf(options.scenario),
      operator,
      smtp,
      sms: suite?.sms,
      workDir,
      runTag: options.given ? Date.now().toString(36) : '',
      concurrency: options.concurrency ?? 8,
      log,
    });
    const report = buildReport({
      scenarioPath: options.scenarioPath,
      council: options.scenario.council.name,
      members: options.scenario.members.length,
      suite: suiteInfo,
      startedAt,
      outcome,
      electionsPlanned: options.scenario.elections.length,
      motionsPlanned: (options.scenario.motions ?? []).length,
    });
    failed = !report.ok;
    return { report, outcome, suite: options.keep ? suite : undefined };
  } finally {
    await givenSmtp?.close();
    if (suite && !options.keep) {
      await suite.stop({ keepLogs: failed });
      if (failed) log(`servis günlükleri / service logs: ${suite.description.dataDir}-logs`);
    }
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }
}
