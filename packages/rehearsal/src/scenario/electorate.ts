import { GENERAL_ASSEMBLY, type Scenario, type ScenarioElection } from './scenario-types.js';

/**
 * Refs of the members who may vote in an election, in file order: every member for the General
 * Assembly (institutions through their full representative), otherwise the individuals of the body.
 */
export function electorateOf(scenario: Scenario, election: Pick<ScenarioElection, 'body'>): string[] {
  if (election.body === GENERAL_ASSEMBLY) return scenario.members.map((m) => m.ref);
  return scenario.members
    .filter((m) => m.kind === 'individual' && (m.bodies ?? []).includes(election.body))
    .map((m) => m.ref);
}

/** One ballot to cast: who casts it and what they mark. */
export interface PlannedBallot {
  voter: string;
  choices: string[];
  /** Index of the ballot group in the scenario. */
  group: number;
}

/**
 * Who casts each ballot of a round: listed voters keep their ballots; the other groups take the next
 * members of the electorate in file order who are not listed anywhere in the round. Returns undefined
 * when the round has more ballots than the electorate has members (semantic checks report it).
 */
export function assignVoters(
  electorate: readonly string[],
  groups: ScenarioElection['rounds'][number]['ballots'],
): PlannedBallot[] | undefined {
  const listed = new Set(groups.flatMap((g) => g.voters ?? []));
  const free = electorate.filter((ref) => !listed.has(ref));
  let next = 0;
  const ballots: PlannedBallot[] = [];
  for (const [group, ballotGroup] of groups.entries()) {
    if (ballotGroup.voters) {
      for (const voter of ballotGroup.voters) ballots.push({ voter, choices: ballotGroup.choices, group });
      continue;
    }
    for (let i = 0; i < ballotGroup.count; i += 1) {
      const voter = free[next++];
      if (voter === undefined) return undefined;
      ballots.push({ voter, choices: ballotGroup.choices, group });
    }
  }
  return ballots;
}
