import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFixture, clone } from './fixture.js';
import { buildStatusFixture, type Cast } from './status-fixture.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'konsey-verify-'));
const src = (p: string): string => fileURLToPath(new URL(`../src/cli/${p}`, import.meta.url));
const votes = Array.from({ length: 12 }, (_, i) => [[i % 3 === 0 ? 1 : 0, i % 3 === 1 ? 1 : 0, 0], [1, 0, i % 2, 0], [0, 1, 0]]);
const fx = buildFixture(votes, { present: [1, 2] });
const TWO = [[2, 0, 0], [1, 0, 0, 0], [1, 0, 0]];
/** Twelve voters; voter 3 is refused once, voter 8 replaces a ballot: 14 entries, 12 counted. */
const casts: Cast[] = votes.map((marks, i) => ({ voter: i, marks, status: 'counted' }));
casts.splice(3, 0, { voter: 3, marks: TWO, cheat: true, status: 'refused' });
casts.splice(8, 0, { voter: 8, marks: votes[0]!, status: 'superseded' });

async function verify(record: unknown, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `record-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(record));
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'konsey-verify.js'), file, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  // Bundle the CLI and its worker side by side, as `tsc` lays them out in dist/cli.
  await build({ entryPoints: [src('konsey-verify.ts'), src('verify-worker.ts')], bundle: true, platform: 'node', format: 'esm', outdir: dir, logLevel: 'silent' });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('konsey-verify CLI', () => {
  it('exits 0 and prints the totals of a valid record, using worker threads', async () => {
    const r = await verify(fx.record, '--workers', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK {2}test-2026: 12 ballots verified in .* on 2 threads/);
  }, 60_000);

  it('exits 1 naming the first failure, found by a worker', async () => {
    const bad = clone(fx.record) as unknown as { board: { ballot: { voterBinding: string } }[] };
    bad.board[9]!.ballot.voterBinding = 'AAAA';
    const r = await verify(bad, '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('FAIL [ballot-proof] board position 9, contest 0, option 0: the proof that the mark is 0 or 1 fails: the challenges do not sum to the Fiat–Shamir hash\n');
  }, 60_000);

  it('verifies a board with refused and superseded entries, using worker threads', async () => {
    const r = await verify(buildStatusFixture(casts).record, '--workers', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK {2}test-2026: 14 ballots verified in .* on 2 threads; .*\n {2}12 counted, 1 refused, 1 superseded\n/);
  }, 60_000);

  it('exits 1 naming a valid ballot refused, found by a worker', async () => {
    const refusedValid = casts.map((c, i) => (i === 10 ? { ...c, status: 'refused' as const } : c));
    refusedValid.push({ voter: casts[10]!.voter, marks: casts[10]!.marks, status: 'counted' });
    const r = await verify(buildStatusFixture(refusedValid).record, '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('FAIL [refusal] board position 10 is refused, but its ballot is valid: every proof verifies\n');
  }, 60_000);

  it('exits 1 naming a voter counted twice', async () => {
    const twice = casts.map((c, i) => (i === 8 ? { ...c, status: 'counted' as const } : c));
    const r = await verify(buildStatusFixture(twice, { inTally: () => true }).record, '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('FAIL [duplicate-voter] board positions 8 and 10 are both counted ballots of the same voter\n');
  }, 60_000);

  it('exits 2 on usage errors', async () => {
    const r = await run(process.execPath, [join(dir, 'konsey-verify.js')]).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: konsey-verify') });
  });
});
