/** The scenario format, version 1 (schema/scenario.v1.schema.json, SCENARIO.md). */

export type Gender = 'female' | 'male' | 'other' | 'undisclosed';
export type Parity = 'zipper' | 'none' | { minShare: number };
export type Method = 'plurality' | 'block' | 'president-three-rounds';
export type ElectedOffice = 'president' | 'executive-board' | 'facilitator' | 'co-spokesperson';
export type Office = ElectedOffice | 'secretary-general';

export interface CouncilSettingsInput {
  announcementDays?: number;
  maxTerms?: number;
  window?: 'consecutive' | 'lifetime';
  presidentBase?: 'registered' | 'present' | 'cast';
  parity?: Parity;
  shortfall?: 'fill-from-others' | 'leave-vacant';
  tieBreak?: 'lot' | 'revote';
  quorumFallback?: 'second-meeting-without-quorum' | { minimumAttendance: number };
  periodStart?: number;
  term?: 1 | 2;
  district?: string;
  kvkkConsentVersion?: string;
  emailDomain?: string;
  seed?: string;
}

export interface ScenarioBody {
  ref: string;
  kind: 'assembly' | 'working-group';
  name: string;
}

export interface IndividualMember {
  ref: string;
  kind: 'individual';
  name: string;
  gender: Gender;
  bodies?: string[];
  district?: string;
  birthYear?: number;
}

export interface InstitutionalMember {
  ref: string;
  kind: 'institutional';
  name: string;
  institutionKind?:
    'association' | 'foundation' | 'chamber' | 'union' | 'university' | 'public-body' | 'other';
  derbis?: string;
  representative: { name: string; gender: Gender };
}

export type ScenarioMember = IndividualMember | InstitutionalMember;

export interface OfficeHeld {
  member: string;
  office: Office;
  body: string;
  seat: 'full' | 'substitute';
  from: string;
  to?: string;
  periodStart?: number;
  term?: 1 | 2;
}

export interface BallotGroup {
  choices: string[];
  count: number;
  voters?: string[];
}

export interface ScenarioRound {
  ballots: BallotGroup[];
}

export interface ScenarioElection {
  ref: string;
  title?: string;
  body: string;
  office: ElectedOffice;
  seats?: number;
  substituteSeats?: number;
  maxChoices?: number;
  method: Method;
  parity?: Parity;
  shortfall?: 'fill-from-others' | 'leave-vacant';
  tieBreak?: 'lot' | 'revote';
  term?: { periodStart: number; term: 1 | 2 };
  candidates: string[];
  rounds: ScenarioRound[];
}

export interface ScenarioMotion {
  ref: string;
  title: string;
  text: string;
  rationale?: string;
  topic?: 'planning' | 'infrastructure' | 'environment' | 'transport' | 'culture' | 'social' | 'other';
  submitter: string;
  coSponsors: string[];
  votes: { yes: number; no: number; abstain?: number };
  municipality?: { outcome: 'accepted' | 'rejected' | 'amended' | 'referred-to-commission' };
}

export interface Scenario {
  version: 1;
  council: { name: string; settings?: CouncilSettingsInput };
  bodies?: ScenarioBody[];
  members: ScenarioMember[];
  officesHeld?: OfficeHeld[];
  committee: { members: string[]; threshold: number };
  elections: ScenarioElection[];
  motions?: ScenarioMotion[];
}

/** The implicit body every member belongs to. */
export const GENERAL_ASSEMBLY = 'general-assembly';
