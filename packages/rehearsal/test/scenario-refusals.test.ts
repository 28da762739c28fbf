import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assignVoters,
  councilSettings,
  electionSettings,
  electorateOf,
  loadScenario,
  parseScenario,
  ScenarioError,
  type ScenarioProblem,
} from '../src/scenario/index.js';
import { smallScenario } from './small-scenario.js';

// Mutations are applied to a plain JSON copy, as a person editing the file would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function problemsOf(mutate: (s: Json) => void): ScenarioProblem[] {
  const document = structuredClone(smallScenario()) as Json;
  mutate(document);
  try {
    parseScenario(document);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('the scenario was accepted');
}

const paths = (problems: ScenarioProblem[]) => problems.map((p) => p.path);

describe('scenario format v1: the schema refuses a malformed file, naming the place', () => {
  it('when the file is the small valid council, then it is accepted as is', () => {
    expect(parseScenario(smallScenario())).toEqual(smallScenario());
  });

  it('when the version is not 1, then /version is named', () => {
    const problems = problemsOf((s) => (s.version = 2));
    expect(problems).toEqual([expect.objectContaining({ path: '/version', code: 'schema.const' })]);
    expect(problems[0]!.tr).toContain('1');
    expect(problems[0]!.en).toBe('must be 1');
  });

  it('when a ballot count is negative, then the exact ballot group is named', () => {
    const problems = problemsOf((s) => (s.elections[0].rounds[0].ballots[2].count = -1));
    expect(paths(problems)).toEqual(['/elections/0/rounds/0/ballots/2/count']);
    expect(problems[0]).toMatchObject({ code: 'schema.minimum', en: 'must be at least 0' });
  });

  it('when a required field is missing, then the missing field itself is named', () => {
    const problems = problemsOf((s) => delete s.elections[1].candidates);
    expect(problems).toEqual([
      expect.objectContaining({
        path: '/elections/1/candidates',
        code: 'schema.required',
        tr: 'bu alan zorunlu',
      }),
    ]);
  });

  it('when an unknown field is added, then it is named as unknown', () => {
    const problems = problemsOf((s) => (s.elections[0].seat = 3));
    expect(problems).toEqual([
      expect.objectContaining({ path: '/elections/0/seat', code: 'schema.additionalProperties' }),
    ]);
  });

  it('when an institutional member lacks a representative, then only that member is named', () => {
    const problems = problemsOf((s) => delete s.members[6].representative);
    expect(paths(problems)).toEqual(['/members/6/representative']);
  });

  it('when an individual has an unknown gender, then the allowed values are listed in both languages', () => {
    const [problem, ...rest] = problemsOf((s) => (s.members[0].gender = 'f'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: '/members/0/gender', code: 'schema.enum' });
    expect(problem!.tr).toMatch(/^şunlardan biri olmalı: "female"/);
    expect(problem!.en).toMatch(/^must be one of: "female"/);
  });

  it('when parity is neither a keyword nor a minShare, then /elections/0/parity is named once', () => {
    expect(paths(problemsOf((s) => (s.elections[0].parity = 'fermuar')))).toEqual(['/elections/0/parity']);
    expect(paths(problemsOf((s) => (s.elections[0].parity = { minShare: 0.7 })))).toEqual([
      '/elections/0/parity/minShare',
    ]);
  });

  it('when a method or a date is malformed, then each place is named', () => {
    const problems = problemsOf((s) => {
      s.elections[0].method = 'stv';
      s.officesHeld[0].from = '2021-13-01';
    });
    expect(paths(problems).sort()).toEqual(['/elections/0/method', '/officesHeld/0/from']);
  });

  it('when the file is not JSON or cannot be read, then the whole file is named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konsey-scenario-'));
    await writeFile(join(dir, 'bad.json'), '{ "version": 1, ');
    await expect(loadScenario(join(dir, 'bad.json'))).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: '', code: 'not-json' })],
    });
    await expect(loadScenario(join(dir, 'missing.json'))).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: '', code: 'unreadable' })],
    });
    await writeFile(join(dir, 'good.json'), JSON.stringify(smallScenario()));
    await expect(loadScenario(join(dir, 'good.json'))).resolves.toMatchObject({ version: 1 });
  });
});

describe('scenario format v1: semantic checks refuse what the schema cannot see', () => {
  it('when a choice names a member who does not exist, then the choice is named as unknown', () => {
    const problems = problemsOf((s) => (s.elections[0].rounds[0].ballots[1].choices = ['m3', 'ghost']));
    expect(problems).toEqual([
      expect.objectContaining({ path: '/elections/0/rounds/0/ballots/1/choices/1', code: 'unknown-ref' }),
    ]);
    expect(problems[0]!.tr).toContain('"ghost"');
  });

  it('when a choice names a member who is not a candidate, then it is refused', () => {
    const problems = problemsOf((s) => (s.elections[0].rounds[0].ballots[1].choices = ['m6']));
    expect(problems).toEqual([
      expect.objectContaining({ path: '/elections/0/rounds/0/ballots/1/choices/0', code: 'not-a-candidate' }),
    ]);
  });

  it('when a round has more ballots than the electorate, then the group that overflows is named', () => {
    const problems = problemsOf((s) => (s.elections[0].rounds[0].ballots[1].count = 5));
    expect(problems).toEqual([
      expect.objectContaining({
        path: '/elections/0/rounds/0/ballots/1/count',
        code: 'ballots-exceed-electorate',
      }),
    ]);
    expect(problems[0]!.en).toBe('this round has 9 ballots but the electorate has 8 members');
  });

  it('when an assembly election has more ballots than the assembly has members, then it is refused', () => {
    const problems = problemsOf((s) => (s.elections[1].rounds[0].ballots[1].count = 2));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/elections/1/rounds/0/ballots/1/count', 'ballots-exceed-electorate'],
    ]);
  });

  it('when the committee threshold exceeds its members, then /committee/threshold is named', () => {
    const problems = problemsOf((s) => (s.committee.threshold = 4));
    expect(problems).toEqual([
      expect.objectContaining({ path: '/committee/threshold', code: 'threshold-above-members' }),
    ]);
  });

  it('when refs repeat, then each repetition is named', () => {
    const problems = problemsOf((s) => {
      s.members[7].ref = 'm1';
      s.bodies.push({ ref: 'women', kind: 'assembly', name: 'İkinci' });
      s.elections[1].ref = 'board';
      s.committee.members = ['m5', 'm5', 'm6'];
      s.elections[0].candidates.push('m1');
    });
    expect(
      problems
        .filter((p) => p.code === 'duplicate-ref')
        .map((p) => p.path)
        .sort(),
    ).toEqual([
      '/bodies/1/ref',
      '/committee/members/1',
      '/elections/0/candidates/4',
      '/elections/1/ref',
      '/members/7/ref',
    ]);
  });

  it('when refs point nowhere, then each is named', () => {
    const problems = problemsOf((s) => {
      s.members[0].bodies = ['youth'];
      s.officesHeld[0].member = 'm99';
      s.officesHeld[0].body = 'board-body';
      s.elections[1].body = 'youth';
      s.motions[0].coSponsors[0] = 'nobody';
    });
    expect(
      problems
        .filter((p) => p.code === 'unknown-ref')
        .map((p) => p.path)
        .sort(),
    ).toEqual([
      '/elections/1/body',
      '/members/0/bodies/0',
      '/motions/0/coSponsors/0',
      '/officesHeld/0/body',
      '/officesHeld/0/member',
    ]);
  });

  it('when listed voters do not match the count, repeat, or are outside the electorate, then each is named', () => {
    const problems = problemsOf((s) => {
      s.elections[1].rounds[0].ballots[0].voters = ['m1', 'm1'];
      s.elections[1].rounds[0].ballots[1].voters = ['m3'];
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/elections/1/rounds/0/ballots/0/voters/1', 'voter-twice'],
      ['/elections/1/rounds/0/ballots/1/voters/0', 'voter-not-in-electorate'],
    ]);
  });

  it('when a ballot marks more names than allowed or one name twice, then it is refused', () => {
    const problems = problemsOf((s) => {
      s.elections[0].rounds[0].ballots[0].choices = ['m1', 'm2', 'm3'];
      s.elections[0].rounds[0].ballots[1].choices = ['m3', 'm3'];
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/elections/0/rounds/0/ballots/0/choices', 'too-many-choices'],
      ['/elections/0/rounds/0/ballots/1/choices/1', 'duplicate-ref'],
    ]);
  });

  it('when the method does not fit the office or the seats, then the place is named', () => {
    expect(problemsOf((s) => (s.elections[0].office = 'president')).map((p) => p.code)).toEqual([
      'method-office-mismatch',
    ]);
    expect(problemsOf((s) => (s.elections[1].seats = 2)).map((p) => [p.path, p.code])).toEqual([
      ['/elections/1/seats', 'plurality-one-seat'],
    ]);
    expect(problemsOf((s) => (s.elections[0].maxChoices = 3)).map((p) => p.path)).toEqual([
      '/elections/0/maxChoices',
    ]);
    expect(problemsOf((s) => (s.elections[1].body = 'general-assembly')).map((p) => p.code)).toEqual([
      'office-body-mismatch',
    ]);
    expect(
      problemsOf((s) => s.elections[0].rounds.push({ ballots: [] })).map((p) => [p.path, p.code]),
    ).toEqual([['/elections/0/rounds', 'too-many-rounds']]);
  });

  it('when an office ends before it starts or a motion has more votes than members, then it is refused', () => {
    expect(problemsOf((s) => (s.officesHeld[0].to = '2020-01-01')).map((p) => p.path)).toEqual([
      '/officesHeld/0/to',
    ]);
    expect(problemsOf((s) => (s.motions[0].votes.yes = 8)).map((p) => p.code)).toEqual([
      'votes-exceed-members',
    ]);
    expect(problemsOf((s) => (s.motions[0].coSponsors[0] = 'm1')).map((p) => p.code)).toEqual([
      'co-sponsor-is-submitter',
    ]);
  });

  it('when a problem is reported, then its message is Turkish first and English second', () => {
    const error = (() => {
      try {
        parseScenario({ ...smallScenario(), committee: { members: ['m5'], threshold: 2 } });
      } catch (e) {
        return e as ScenarioError;
      }
      throw new Error('accepted');
    })();
    expect(error.message).toBe(
      "  /committee/threshold: eşik (2) kurul üye sayısını (1) aşamaz / the threshold (2) exceeds the committee's 1 members",
    );
  });
});

describe('council settings and voters', () => {
  it('when a council gives no settings, then the domain defaults apply', () => {
    const settings = councilSettings({}, new Date('2026-11-29T00:00:00Z'));
    expect(settings).toMatchObject({
      announcementDays: 15,
      maxTerms: 2,
      window: 'consecutive',
      presidentBase: 'registered',
      parity: 'zipper',
      shortfall: 'fill-from-others',
      tieBreak: 'lot',
      quorumFallback: 'second-meeting-without-quorum',
      periodStart: 2026,
      term: 1,
    });
  });

  it('when an assembly elects, then parity defaults to none; a decision body gets the council parity', () => {
    const scenario = smallScenario();
    const council = councilSettings({ parity: { minShare: 0.5 } });
    expect(electionSettings(scenario.elections[1]!, council)).toMatchObject({
      parity: 'none',
      seats: 1,
      maxChoices: 1,
    });
    const { parity: _drop, ...board } = scenario.elections[0]!;
    expect(electionSettings(board, council)).toMatchObject({ parity: { minShare: 0.5 }, substituteSeats: 1 });
  });

  it('when voters are not listed, then the first members of the electorate in file order cast, skipping listed ones', () => {
    const scenario = smallScenario();
    expect(electorateOf(scenario, { body: 'women' })).toEqual(['m1', 'm2', 'm5']);
    expect(
      assignVoters(electorateOf(scenario, scenario.elections[1]!), scenario.elections[1]!.rounds[0]!.ballots),
    ).toEqual([
      { voter: 'm1', choices: ['m1'], group: 0 },
      { voter: 'm5', choices: ['m1'], group: 0 },
      { voter: 'm2', choices: ['m2'], group: 1 },
    ]);
    const board = assignVoters(
      electorateOf(scenario, scenario.elections[0]!),
      scenario.elections[0]!.rounds[0]!.ballots,
    )!;
    expect(board.map((b) => b.voter)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'n1']);
    expect(assignVoters(['a'], [{ choices: [], count: 2 }])).toBeUndefined();
  });
});
