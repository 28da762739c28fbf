import type { CouncilSettings } from '../scenario/council-settings.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { SmsSink } from '../suite/sms-sink.js';
import type { SmtpSink } from '../suite/smtp-sink.js';
import type { Api } from './http-client.js';
import type { PhaseTimer } from './phase-timer.js';

/** One step of the rehearsal as the report lists it. */
export interface StepRecord {
  step: string;
  ok: boolean;
  seconds: number;
  detail?: string;
}

/** What the drive knows while it runs: ids the services gave, tokens, and the steps so far. */
export interface CouncilContext {
  api: Api;
  scenario: Scenario;
  settings: CouncilSettings;
  timer: PhaseTimer;
  smtp: SmtpSink | undefined;
  sms: SmsSink | undefined;
  operator: { email: string; password: string };
  /** Parallel requests (members acting at once). */
  concurrency: number;
  /** Where committee key files are kept (one folder per member). */
  workDir: string;
  log: (line: string) => void;
  staffToken: string;
  memberIds: Map<string, string>;
  refOfMember: Map<string, string>;
  accountIds: Map<string, string>;
  emails: Map<string, string>;
  bodyIds: Map<string, string>;
  memberTokens: Map<string, string>;
  steps: StepRecord[];
  /**
   * Empty on the rehearsal's own (empty) suite; on a given suite (`--url`) a tag that keeps this run's
   * e-mails, TC Kimlik numbers and idempotency keys apart from earlier runs' (membership refuses duplicates).
   */
  runTag: string;
  /** Today (UTC) as the services see it, YYYY-MM-DD. */
  today: string;
}

/** Run one named step, recording its time and outcome; a failure is recorded and thrown on. */
export async function step<T>(
  context: CouncilContext,
  name: string,
  work: () => Promise<T>,
  detail?: (value: T) => string,
): Promise<T> {
  const started = performance.now();
  context.log(`… ${name}`);
  try {
    const value = await work();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    context.steps.push({ step: name, ok: true, seconds, ...(detail ? { detail: detail(value) } : {}) });
    return value;
  } catch (error) {
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    context.steps.push({ step: name, ok: false, seconds, detail: (error as Error).message.slice(0, 800) });
    throw error;
  }
}

/** The service id of a member ref. */
export function memberId(context: CouncilContext, ref: string): string {
  const id = context.memberIds.get(ref);
  if (!id) throw new Error(`üye kabul edilmedi / member not admitted: ${ref}`);
  return id;
}

/** A YYYY-MM-DD day moved by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
