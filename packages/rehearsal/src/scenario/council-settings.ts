import type { CouncilSettingsInput, Parity, Scenario, ScenarioElection } from './scenario-types.js';
import { GENERAL_ASSEMBLY } from './scenario-types.js';

/** Per-council settings with the defaults of the domain rules (shared/docs/DOMAIN.md). */
export interface CouncilSettings {
  /** Days of notice before the voting day (DOMAIN: at least 15). */
  announcementDays: number;
  /** Most terms in one office (DOMAIN: 2, i.e. at most five years). */
  maxTerms: number;
  window: 'consecutive' | 'lifetime';
  /** What the President's bars are measured against (DOMAIN: the registered membership). */
  presidentBase: 'registered' | 'present' | 'cast';
  /** Parity of decision bodies' elections (DOMAIN: zipper); assemblies and working groups default to none. */
  parity: Parity;
  shortfall: 'fill-from-others' | 'leave-vacant';
  tieBreak: 'lot' | 'revote';
  quorumFallback: 'second-meeting-without-quorum' | { minimumAttendance: number };
  /** First year of the five-year local period the elections fill; default this year. */
  periodStart: number;
  /** Term of that period the elections fill: 1 (two years, default) or 2 (three years). */
  term: 1 | 2;
  /** District the applicants give (must be one the membership service accepts). */
  district: string;
  kvkkConsentVersion: string;
  /** Domain of the generated e-mail addresses of members. */
  emailDomain: string;
  /** Seed of everything the rehearsal itself draws (synthetic councils, ballot order). */
  seed: string;
}

export function councilSettings(input: CouncilSettingsInput = {}, today = new Date()): CouncilSettings {
  return {
    announcementDays: input.announcementDays ?? 15,
    maxTerms: input.maxTerms ?? 2,
    window: input.window ?? 'consecutive',
    presidentBase: input.presidentBase ?? 'registered',
    parity: input.parity ?? 'zipper',
    shortfall: input.shortfall ?? 'fill-from-others',
    tieBreak: input.tieBreak ?? 'lot',
    quorumFallback: input.quorumFallback ?? 'second-meeting-without-quorum',
    periodStart: input.periodStart ?? today.getUTCFullYear(),
    term: input.term ?? 1,
    district: input.district ?? 'Konak',
    kvkkConsentVersion: input.kvkkConsentVersion ?? 'kvkk-2026-01',
    emailDomain: input.emailDomain ?? 'prova.kentkonseyi.test',
    seed: input.seed ?? 'konsey-prova',
  };
}

/** The settings an election is created with: its own, else the council's, else the domain defaults. */
export interface ElectionSettings {
  method: ScenarioElection['method'];
  seats: number;
  substituteSeats: number;
  maxChoices: number;
  parity: Parity;
  shortfall: 'fill-from-others' | 'leave-vacant';
  tieBreak: 'lot' | 'revote';
  maxTerms: number;
  window: 'consecutive' | 'lifetime';
  presidentBase: 'registered' | 'present' | 'cast';
  announcementDays: number;
  quorumFallback: CouncilSettings['quorumFallback'];
}

export function electionSettings(election: ScenarioElection, council: CouncilSettings): ElectionSettings {
  const seats = election.seats ?? 1;
  const decisionBody = election.body === GENERAL_ASSEMBLY;
  return {
    method: election.method,
    seats,
    substituteSeats: election.substituteSeats ?? 0,
    maxChoices: election.maxChoices ?? seats,
    parity: election.parity ?? (decisionBody ? council.parity : 'none'),
    shortfall: election.shortfall ?? council.shortfall,
    tieBreak: election.tieBreak ?? council.tieBreak,
    maxTerms: council.maxTerms,
    window: council.window,
    presidentBase: council.presidentBase,
    announcementDays: council.announcementDays,
    quorumFallback: council.quorumFallback,
  };
}

/** The council settings of a scenario. */
export function settingsOf(scenario: Scenario, today = new Date()): CouncilSettings {
  return councilSettings(scenario.council.settings, today);
}
