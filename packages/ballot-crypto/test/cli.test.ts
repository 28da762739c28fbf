import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFixture, clone } from './fixture.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'konsey-verify-'));
const src = (p: string): string => fileURLToPath(new URL(`../src/cli/${p}`, import.meta.url));
const votes = Array.from({ length: 12 }, (_, i) => [[i % 3 === 0 ? 1 : 0, i % 3 === 1 ? 1 : 0, 0], [1, 0, i % 2, 0], [0, 1, 0]]);
const fx = buildFixture(votes, { present: [1, 2] });

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

  it('exits 2 on usage errors', async () => {
    const r = await run(process.execPath, [join(dir, 'konsey-verify.js')]).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: konsey-verify') });
  });
});
