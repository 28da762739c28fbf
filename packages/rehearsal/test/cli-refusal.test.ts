import { describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/rehearse.js';
import { smallScenario } from './small-scenario.js';

async function run(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    return { code: await main(argv), stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe('konsey-rehearse refuses a malformed scenario before anything reaches the suite', () => {
  it('when a ballot count is malformed, then it exits 2 naming the path, without contacting the suite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konsey-cli-'));
    const scenario = smallScenario() as unknown as {
      elections: { rounds: { ballots: { count: unknown }[] }[] }[];
    };
    scenario.elections[0]!.rounds[0]!.ballots[2]!.count = 'üç';
    await writeFile(join(dir, 'bad.json'), JSON.stringify(scenario));
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    // Nothing listens on port 1: had the rehearsal sent anything, it would fail differently.
    const { code, stderr, stdout } = await run([
      join(dir, 'bad.json'),
      '--json',
      '--url',
      'http://127.0.0.1:1',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "Senaryo reddedildi, suite'e hiçbir şey gönderilmedi / scenario refused, nothing was sent",
    );
    expect(stderr).toContain(
      '/elections/0/rounds/0/ballots/2/count: türü integer olmalı / must be of type integer',
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('when a command line is wrong, then it exits 2 with the usage in both languages', async () => {
    const { code, stderr } = await run(['--scale', 'many']);
    expect(code).toBe(2);
    expect(stderr).toContain('--scale: en az 4 bir tam sayı olmalı / must be an integer ≥ 4');
    expect(stderr).toContain('kullanım / usage');
    expect((await run([])).stderr).toContain(
      'senaryo dosyası ya da --scale gerekli / a scenario file or --scale is needed',
    );
  });
});
