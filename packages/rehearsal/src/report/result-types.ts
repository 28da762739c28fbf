/**
 * The stable `--json` document (version 1). Fields are only ever added, never renamed or removed;
 * SCENARIO.md describes each one.
 */

export interface CandidateVerdict {
  ref: string;
  eligible: boolean;
  /** Machine codes from the elections service (e.g. `term-limit`), empty when eligible. */
  reasons: string[];
}

export interface RoundReport {
  round: number;
  /** `first`, `revote`, or the President round it counted as (`president-2`, `president-3`). */
  purpose: string;
  ballotsCast: number;
  /** Ballots cast with no mark (as the voters' devices cast them). */
  blank: number;
  totals: { ref: string; votes: number }[];
  /** `final` or `next-round`. */
  outcome: string;
  /** Choices left off ballots because the candidate was not on this round's ballot. */
  droppedChoices: { ref: string; ballots: number; reason: 'not-on-ballot' }[];
  /** Hash of this round's ballot record (ballot-crypto RECORD.md), null when none was published. */
  recordResultHash: string | null;
  /** konsey-verify's verdict on this round's published record. */
  verified: boolean;
  verifierOutput: string;
}

export interface Placement {
  ref: string;
  gender: string;
  votes: number;
}

export interface ElectionReport {
  ref: string;
  /** The election's final state in the service (`certified` when all went well). */
  status: string;
  /** Size of the frozen roll (hazirun). */
  rosterSize: number;
  candidates: CandidateVerdict[];
  rounds: RoundReport[];
  elected: Placement[];
  substitutes: Placement[];
  displacements: { seat: string; passedOver: Placement; inFavourOf: Placement; code: string }[];
  shortfalls: { seat: string; gender: string; missing: number; resolution: string }[];
  /**
   * Each drawing of lots: the seed fixed before voting, the tied refs, the drawn order, whether the
   * rehearsal redrew the same order, and the tied members' ids (the lot key is SHA-256 of `seed:id`).
   */
  tieBreaks: {
    seed: string;
    tied: string[];
    order: string[];
    reproduced: boolean;
    memberIds: Record<string, string>;
  }[];
  /** SHA-256 of the certified result (what the committee approved). */
  recordHash: string | null;
  /** Every round's published ballot record verified by konsey-verify. */
  verified: boolean;
  /** Committee members who approved the result. */
  certifiedBy: string[];
  /** Rounds of the scenario the election did not need. */
  roundsUnused: number;
  /** `required`: only members checked in at the sitting could vote (the committee named the sitting). */
  presence: 'required' | 'not-required';
  error: string | null;
}

export interface MotionReport {
  ref: string;
  /** The motion's final state in the motions service (e.g. `closed`, `adopted`, `rejected`). */
  state: string;
  poll: { yes: number; no: number; abstain: number; outcome: string } | null;
  municipalOutcome: string | null;
  error: string | null;
}

export interface NotificationsReport {
  sent: number;
  failed: number;
  byEvent: Record<string, number>;
  /** Kinds of news the day produced that no notification was sent for (see SCENARIO.md). */
  missingEvents: string[];
  /** Failed notifications by event type, channel and last error. */
  failures: Record<string, number>;
  /** The operator API lists at most 500 per status: true when a list was that long (counts are lower bounds). */
  capped: boolean;
  /** Mails the rehearsal's SMTP sink received (null when it drove a suite whose mail it cannot see). */
  mailsReceived: number | null;
  /** Text messages the rehearsal's stand-in SMS provider received (null when it drove a given suite). */
  smsReceived: number | null;
}

export interface RehearsalReport {
  version: 1;
  scenario: string;
  council: string;
  members: number;
  suite: { mode: 'own' | 'url'; postgres: string; redis: string };
  startedAt: string;
  seconds: number;
  ok: boolean;
  steps: { step: string; ok: boolean; seconds: number; detail?: string }[];
  elections: ElectionReport[];
  motions: MotionReport[];
  notifications: NotificationsReport | null;
  /** Latency and throughput per phase (admission, sign-in, credentials, cast…). */
  phases: {
    phase: string;
    requests: number;
    seconds: number;
    perSecond: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
  }[];
}
