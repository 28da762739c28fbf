import type { CouncilSettings } from '../scenario/council-settings.js';
import { electorateOf } from '../scenario/electorate.js';
import { GENERAL_ASSEMBLY, type Scenario } from '../scenario/scenario-types.js';
import type { ElectionReport, MotionReport, NotificationsReport } from '../report/result-types.js';
import type { SmsSink } from '../suite/sms-sink.js';
import type { SmtpSink } from '../suite/smtp-sink.js';
import type { SuiteEndpoints } from '../suite/suite-endpoints.js';
import { admitMembers, awaitRoster, createBodies } from './admit-members.js';
import { checkNotifications } from './check-notifications.js';
import { step, type CouncilContext, type StepRecord } from './council-context.js';
import { Api } from './http-client.js';
import { importOffices } from './import-offices.js';
import { PhaseTimer, type PhaseFigures } from './phase-timer.js';
import { runElection } from './run-election.js';
import { prepareMotions, sendToMunicipality, voteOnMotion, type PreparedMotion } from './run-motions.js';
import { inParallel } from './http-client.js';
import { signInMember, signInStaff } from './sign-in.js';
import { closeSitting, openSitting, type OpenSitting } from './sittings.js';

export interface DriveOptions {
  endpoints: SuiteEndpoints;
  scenario: Scenario;
  settings: CouncilSettings;
  operator: { email: string; password: string };
  smtp: SmtpSink | undefined;
  sms?: SmsSink | undefined;
  workDir: string;
  /** See CouncilContext.runTag. */
  runTag: string;
  concurrency: number;
  log: (line: string) => void;
}

export interface DriveOutcome {
  steps: StepRecord[];
  elections: ElectionReport[];
  motions: MotionReport[];
  notifications: NotificationsReport | null;
  phases: PhaseFigures[];
}

/**
 * The whole day over the public APIs: staff signs in; bodies and members are admitted; offices held
 * are imported; the committee gets its role; motions are readied for the General Assembly; the sittings
 * open; each election runs; the motions are voted and sent on; the notifications are checked.
 */
export async function driveRehearsal(options: DriveOptions): Promise<DriveOutcome> {
  const timer = new PhaseTimer();
  const api = new Api(options.endpoints, timer);
  const context: CouncilContext = {
    api,
    scenario: options.scenario,
    settings: options.settings,
    timer,
    smtp: options.smtp,
    sms: options.sms,
    operator: options.operator,
    concurrency: options.concurrency,
    workDir: options.workDir,
    log: options.log,
    staffToken: '',
    memberIds: new Map(),
    refOfMember: new Map(),
    accountIds: new Map(),
    emails: new Map(),
    bodyIds: new Map(),
    memberTokens: new Map(),
    steps: [],
    runTag: options.runTag,
    today: new Date().toISOString().slice(0, 10),
  };
  const outcome: DriveOutcome = {
    steps: context.steps,
    elections: [],
    motions: [],
    notifications: null,
    phases: [],
  };
  const sittings: OpenSitting[] = [];
  try {
    context.staffToken = await step(context, 'personel girişi / staff signs in', () =>
      signInStaff(api, options.operator),
    );
    await step(
      context,
      'kurullar / bodies',
      () => createBodies(context),
      (n) => `${n} bodies`,
    );
    await step(
      context,
      'başvuru ve kabul / applications and admission',
      () => admitMembers(context),
      (n) => `${n} members admitted`,
    );
    await step(
      context,
      'geçmiş görevler / offices held imported',
      () => importOffices(context),
      (n) => `${n} offices`,
    );
    await step(
      context,
      'seçim servisi üye listesi / elections roster',
      () => awaitRoster(context),
      (n) => `${n} on the roster`,
    );
    await step(
      context,
      'seçim kurulu / election committee',
      async () => {
        for (const ref of options.scenario.committee.members)
          await api.call(
            'membership',
            'PUT',
            `/v1/accounts/${context.accountIds.get(ref)!}/roles/election-committee`,
            {
              token: context.staffToken,
            },
          );
        await inParallel(options.scenario.committee.members, 4, (ref) => signInMember(context, ref));
        return options.scenario.committee.members.length;
      },
      (n) => `${n} members, threshold ${options.scenario.committee.threshold}`,
    );
    const prepared: PreparedMotion[] = await step(
      context,
      'önergeler gündemde / motions on the GA agenda',
      () => prepareMotions(context),
      (p) => `${p.length} motions`,
    );

    const sittingOf = new Map<string, OpenSitting>();
    const bodiesVoting = [GENERAL_ASSEMBLY, ...new Set(options.scenario.elections.map((e) => e.body))];
    for (const bodyRef of new Set(bodiesVoting)) {
      const sitting = await step(context, `oturum açıldı / sitting opened: ${bodyRef}`, () =>
        openSitting(
          context,
          bodyRef,
          context.bodyIds.get(bodyRef)!,
          bodyRef === GENERAL_ASSEMBLY ? 'Seçimli Olağan Genel Kurul' : `${bodyRef} toplantısı`,
        ),
      );
      sittingOf.set(bodyRef, sitting);
      sittings.push(sitting);
    }
    for (const election of options.scenario.elections) {
      if (electorateOf(options.scenario, election).length === 0) continue;
      outcome.elections.push(await runElection(context, election, sittingOf.get(election.body)!));
    }
    const voted = [];
    for (const motion of prepared)
      voted.push({
        prepared: motion,
        report: await voteOnMotion(context, motion, sittingOf.get(GENERAL_ASSEMBLY)!),
      });
    await sendToMunicipality(context, voted);
    outcome.motions.push(...voted.map((v) => v.report));
    for (const sitting of sittings)
      await step(context, `oturum kapandı / sitting closed: ${sitting.bodyRef}`, () =>
        closeSitting(context, sitting),
      ).catch(() => undefined);
    outcome.notifications = await step(
      context,
      'bildirimler / notifications',
      () => checkNotifications(context),
      (n) => `${n.sent} sent, ${n.failed} failed`,
    ).catch(() => null);
  } catch (error) {
    options.log(`! ${(error as Error).message.slice(0, 500)}`);
  }
  outcome.phases = timer.figures();
  return outcome;
}
