import { describe, expect, it } from '@jest/globals';
import { generateCouncil } from '../src/scale/generate-council.js';
import { parseScenario } from '../src/scenario/index.js';

describe('--scale: a synthetic council reproducible from its seed', () => {
  it('when generated twice with one seed, then the councils are equal and valid; another seed differs', () => {
    const first = generateCouncil({ members: 120, seed: 'tohum' });
    expect(generateCouncil({ members: 120, seed: 'tohum' })).toEqual(first);
    expect(generateCouncil({ members: 120, seed: 'başka' })).not.toEqual(first);
    expect(parseScenario(first)).toBe(first);
    expect(first.members).toHaveLength(120);
    const board = first.elections.find((e) => e.ref === 'board')!;
    expect(board.seats).toBe(6);
    const cast = board.rounds[0]!.ballots.reduce((sum, g) => sum + g.count, 0);
    expect(cast).toBe(102);
  });
});

describe('phase figures', () => {
  it('when requests come in bursts, then throughput counts only the time requests were in flight', async () => {
    const { busyTime, PhaseTimer } = await import('../src/drive/phase-timer.js');
    expect(
      busyTime([
        [0, 10],
        [5, 20],
        [100, 110],
      ]),
    ).toBe(30);
    expect(busyTime([])).toBe(0);
    const timer = new PhaseTimer();
    for (let i = 0; i < 100; i += 1) timer.record('cast', 10 + i);
    const [cast] = timer.figures();
    expect(cast).toMatchObject({
      phase: 'cast',
      requests: 100,
      p50Ms: 59,
      p95Ms: 104,
      p99Ms: 108,
      maxMs: 109,
    });
  });
});
