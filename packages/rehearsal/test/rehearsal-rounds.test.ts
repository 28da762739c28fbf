import { describe, expect, it } from '@jest/globals';
import type { ElectionReport } from '../src/report/result-types.js';
import { runRehearsal } from '../src/run-rehearsal.js';
import { parseScenario, type Scenario, type ScenarioMember } from '../src/scenario/index.js';

// Twenty members (w1–w10 women, n1–n10 men), a committee of one (its ceremony is the shortest), and the
// cases the bundled demo does not pin: the President decided in round 1 and in round 2, and a board with
// too few women for its reserved seats. The demo test pins round 3, zipper displacements, the term limit
// and ties by lot.
function roundsScenario(): Scenario {
  const members: ScenarioMember[] = [
    ...Array.from({ length: 10 }, (_, i) => ({
      ref: `w${i + 1}`,
      kind: 'individual' as const,
      name: `Kadın Üye ${i + 1}`,
      gender: 'female' as const,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      ref: `n${i + 1}`,
      kind: 'individual' as const,
      name: `Erkek Üye ${i + 1}`,
      gender: 'male' as const,
    })),
  ];
  return parseScenario({
    version: 1,
    council: { name: 'Turlar Kent Konseyi' },
    members,
    committee: { members: ['w10'], threshold: 1 },
    elections: [
      {
        // 20 registered: round 1 needs ⌈2·20/3⌉ = 14 votes.
        ref: 'president-round-1',
        body: 'general-assembly',
        office: 'president',
        method: 'president-three-rounds',
        candidates: ['w1', 'n1'],
        rounds: [
          {
            ballots: [
              { choices: ['w1'], count: 15 },
              { choices: ['n1'], count: 3 },
              { choices: [], count: 1 },
            ],
          },
          { ballots: [{ choices: ['w1'], count: 1 }] },
          { ballots: [{ choices: ['w1'], count: 1 }] },
        ],
      },
      {
        // Round 1: 10 < 14; round 2 needs ⌊20/2⌋ + 1 = 11.
        ref: 'president-round-2',
        body: 'general-assembly',
        office: 'president',
        method: 'president-three-rounds',
        candidates: ['w2', 'n2', 'n3'],
        rounds: [
          {
            ballots: [
              { choices: ['w2'], count: 10 },
              { choices: ['n2'], count: 6 },
              { choices: ['n3'], count: 2 },
            ],
          },
          {
            ballots: [
              { choices: ['n2'], count: 12 },
              { choices: ['w2'], count: 6 },
            ],
          },
        ],
      },
      {
        // One woman for two reserved places under the zipper: the second is filled from the men.
        ref: 'board-shortfall',
        body: 'general-assembly',
        office: 'executive-board',
        seats: 4,
        maxChoices: 4,
        method: 'block',
        parity: 'zipper',
        shortfall: 'fill-from-others',
        candidates: ['w3', 'n4', 'n5', 'n6', 'n7'],
        rounds: [
          {
            ballots: [
              { choices: ['n4', 'n5', 'n6', 'w3'], count: 9 },
              { choices: ['n4', 'n5'], count: 4 },
              { choices: ['n4', 'n7'], count: 2 },
              { choices: ['w3'], count: 1 },
            ],
          },
        ],
      },
    ],
  });
}

describe('rehearsal through the real services: President rounds and a parity shortfall', () => {
  it('when the scenario runs, then the President is decided in round 1 and in round 2, and the shortfall is filled from the men', async () => {
    const { report } = await runRehearsal({
      scenario: roundsScenario(),
      scenarioPath: 'rounds',
      env: process.env,
      concurrency: 6,
    });
    const election = (ref: string): ElectionReport => report.elections.find((e) => e.ref === ref)!;
    expect(report.steps.filter((s) => !s.ok)).toEqual([]);
    expect(report.ok).toBe(true);

    const first = election('president-round-1');
    expect(first).toMatchObject({
      status: 'certified',
      rosterSize: 20,
      verified: true,
      roundsUnused: 2,
      certifiedBy: ['w10'],
    });
    expect(first.rounds.map((r) => [r.round, r.ballotsCast, r.blank, r.outcome])).toEqual([
      [1, 19, 1, 'final'],
    ]);
    expect(first.elected).toEqual([{ ref: 'w1', gender: 'female', votes: 15 }]);

    const second = election('president-round-2');
    expect(second.rounds.map((r) => [r.purpose, r.outcome])).toEqual([
      ['first', 'next-round'],
      ['president-2', 'final'],
    ]);
    expect(second.rounds[0]!.totals).toEqual(
      expect.arrayContaining([
        { ref: 'w2', votes: 10 },
        { ref: 'n2', votes: 6 },
        { ref: 'n3', votes: 2 },
      ]),
    );
    expect(second.elected).toEqual([{ ref: 'n2', gender: 'male', votes: 12 }]);
    expect(
      second.rounds.every((r) => r.verified && /^[A-Za-z0-9_-]{20,}$/.test(r.recordResultHash ?? '')),
    ).toBe(true);

    const board = election('board-shortfall');
    expect(board.elected.map((p) => [p.ref, p.gender, p.votes])).toEqual([
      ['n4', 'male', 15],
      ['w3', 'female', 10],
      ['n5', 'male', 13],
      ['n6', 'male', 9],
    ]);
    expect(board.shortfalls).toEqual([
      { seat: 'full', gender: 'female', missing: 1, resolution: 'filled-from-others' },
    ]);
    expect(board.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.notifications).toMatchObject({ failed: 0 });
  }, 600_000);
});
