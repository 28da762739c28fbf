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
