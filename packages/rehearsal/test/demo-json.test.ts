import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RehearsalReport } from '../src/report/result-types.js';
import type { Scenario } from '../src/scenario/index.js';
import { redraw } from './redraw.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const reduced = 'packages/rehearsal/scenarios/izmir-demo-reduced.json';

/**
 * The bundled demo's day with 60 members instead of 400 (same script, same shape: President in three
 * rounds, a 9+9 zipper board with two term-limited candidates, two assembly facilitators, one of them
 * tied, two motions to the municipality), run as `npm run rehearse -- <file> --json` runs it: the built
 * CLI in its own process, starting its own suite. The full 400-member demo takes longer than a test should.
 */
function rehearse(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['packages/rehearsal/dist/main.js', file, '--json'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run rehearse -- izmir-demo-reduced.json --json', () => {
  it('when the demo day runs, then the JSON document says what happened and every record verified', async () => {
    const scenario = JSON.parse(readFileSync(`${root}${reduced}`, 'utf8')) as Scenario;
    const { code, stdout, stderr } = await rehearse(reduced);
    const report = JSON.parse(stdout) as RehearsalReport;
    if (code !== 0)
      throw new Error(
        `exit ${code}: ${JSON.stringify(report.steps.filter((s) => !s.ok))}\n${stderr.slice(-2000)}`,
      );
    expect(report).toMatchObject({ version: 1, ok: true, members: 60, suite: { mode: 'own' } });
    expect(Object.keys(report.elections[0]!).sort()).toEqual(
      [
        'ref',
        'status',
        'rosterSize',
        'candidates',
        'rounds',
        'elected',
        'substitutes',
        'displacements',
        'shortfalls',
        'tieBreaks',
        'recordHash',
        'verified',
        'certifiedBy',
        'roundsUnused',
        'presence',
        'error',
      ].sort(),
    );
    const election = (ref: string) => report.elections.find((e) => e.ref === ref)!;
    for (const e of report.elections) {
      expect(e).toMatchObject({ status: 'certified', verified: true, error: null });
      expect(e.recordHash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.certifiedBy).toEqual(scenario.committee.members.slice(0, 2));
    }

    // The President: nobody reaches 40 (two-thirds of 60) nor 31 (absolute majority); round 3 is the run-off.
    const president = election('president');
    expect(president.rosterSize).toBe(60);
    expect(president.presence).toBe('required');
    expect(president.rounds.map((r) => [r.purpose, r.ballotsCast, r.outcome])).toEqual([
      ['first', 53, 'next-round'],
      ['president-2', 52, 'next-round'],
      ['president-3', 52, 'final'],
    ]);
    expect(president.rounds[2]!.totals.map((t) => t.ref).sort()).toEqual(['m001', 'm002']);
    expect(president.rounds[2]!.droppedChoices).toEqual([
      { ref: 'm003', ballots: 2, reason: 'not-on-ballot' },
    ]);
    expect(president.rounds[2]!.blank).toBe(2);
    expect(president.elected).toEqual([{ ref: 'm001', gender: 'female', votes: 26 }]);

    // The board: two term-limited candidates refused by the service; nine seats alternating under the
    // zipper, starting with the top vote-getter's gender; women placed before men with more votes.
    const board = election('board');
    expect(board.candidates.filter((c) => !c.eligible)).toEqual([
      { ref: 'm025', eligible: false, reasons: ['term-limit'] },
      { ref: 'm026', eligible: false, reasons: ['term-limit'] },
    ]);
    expect(board.presence).toBe('not-required');
    expect(board.elected).toHaveLength(9);
    expect(board.substitutes).toHaveLength(9);
    const genders = board.elected.map((p) => p.gender);
    expect(genders).toEqual(
      genders.map((_, i) => (i % 2 === 0 ? genders[0] : genders[0] === 'male' ? 'female' : 'male')),
    );
    expect(board.displacements.length).toBeGreaterThan(0);
    for (const d of board.displacements) {
      expect(d.code).toBe('parity-zipper');
      expect(d.passedOver.votes).toBeGreaterThan(d.inFavourOf.votes);
      expect(d.passedOver.gender).not.toBe(d.inFavourOf.gender);
    }
    expect(board.rounds[0]!.droppedChoices.map((d) => d.ref).sort()).toEqual(['m025', 'm026']);

    // Ties by lot, redone here from the published seed with nothing but SHA-256.
    const youth = election('youth-facilitator');
    expect(youth.tieBreaks).toHaveLength(1);
    for (const e of [board, youth])
      for (const lot of e.tieBreaks) {
        expect(lot.reproduced).toBe(true);
        const ids = lot.tied.map((ref) => lot.memberIds[ref]!);
        const byId = Object.fromEntries(Object.entries(lot.memberIds).map(([ref, id]) => [id, ref]));
        expect(redraw(lot.seed, ids).map((id) => byId[id])).toEqual(lot.order);
      }
    expect(youth.elected[0]!.ref).toBe(youth.tieBreaks[0]!.order[0]);
    expect(youth.rounds[0]!.totals.map((t) => t.votes)).toEqual([5, 5]);

    // Motions: adopted by the GA, then the municipal council's decisions.
    expect(report.motions.map((m) => [m.ref, m.poll?.outcome, m.municipalOutcome, m.error])).toEqual([
      ['night-ferries', 'adopted', 'accepted', null],
      ['accessible-stops', 'adopted', 'referred-to-commission', null],
    ]);
    expect(report.notifications).toMatchObject({ failed: 0, missingEvents: [] });
    // Every voter signed in with a code read from an e-mail the suite sent.
    expect(report.notifications!.mailsReceived).toBeGreaterThanOrEqual(53);
    expect(report.phases.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['admission', 'sign-in', 'cast']),
    );
  }, 900_000);
});
