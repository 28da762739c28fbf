import type { DriveOutcome } from '../drive/rehearse.js';
import type { RehearsalReport } from './result-types.js';

/**
 * The report document. `ok` (and the exit code 0) only when every step succeeded, every election was
 * certified with every round's record verified, and every motion reached its planned end.
 */
export function buildReport(options: {
  scenarioPath: string;
  council: string;
  members: number;
  suite: RehearsalReport['suite'];
  startedAt: Date;
  outcome: DriveOutcome;
  electionsPlanned: number;
  motionsPlanned: number;
}): RehearsalReport {
  const { outcome } = options;
  const ok =
    outcome.steps.length > 0 &&
    outcome.steps.every((s) => s.ok) &&
    outcome.elections.length === options.electionsPlanned &&
    outcome.elections.every((e) => e.status === 'certified' && e.verified && e.error === null) &&
    outcome.motions.length === options.motionsPlanned &&
    outcome.motions.every((m) => m.error === null) &&
    outcome.notifications !== null &&
    outcome.notifications.failed === 0;
  return {
    version: 1,
    scenario: options.scenarioPath,
    council: options.council,
    members: options.members,
    suite: options.suite,
    startedAt: options.startedAt.toISOString(),
    seconds: Math.round((Date.now() - options.startedAt.getTime()) / 100) / 10,
    ok,
    steps: outcome.steps,
    elections: outcome.elections,
    motions: outcome.motions,
    notifications: outcome.notifications,
    phases: outcome.phases,
  };
}
