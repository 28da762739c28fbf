import { describe, expect, it } from '@jest/globals';
import { challengeBallot, verifyChallengedBallot } from '../src/ballot/challenge-ballot.js';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { trackingCode } from '../src/ballot/tracking-code.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { seededRandom } from '../src/group/random.js';
import { BulletinBoard } from '../src/record/bulletin-board.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

const random = seededRandom('challenge');
const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
const SELECTIONS = [[0, 0, 1], [0, 1, 1, 0], [1, 0, 0]];

describe('cast or challenge (Benaloh)', () => {
  it('a challenged ballot reveals what the device encrypted, and can never be cast', () => {
    const result = encryptBallot({ context, voterBinding: binding(1), selections: SELECTIONS, random });
    const challenged = challengeBallot(result);
    expect(verifyChallengedBallot(context, challenged)).toEqual(SELECTIONS);
    const board = new BulletinBoard(context.baseHash);
    board.spoil(challenged.ballotHash);
    expect(() => board.append(result.ballot)).toThrow('this ballot was challenged (spoiled) and can never be cast');
  });

  it('a device that encrypted something else than it claims is caught', () => {
    const result = encryptBallot({ context, voterBinding: binding(1), selections: SELECTIONS, random });
    const lie = { ...challengeBallot(result), selections: [[1, 0, 0], [0, 1, 1, 0], [1, 0, 0]] };
    expect(() => verifyChallengedBallot(context, lie)).toThrow('challenged ballot: contest 0, option 0 does not encrypt the revealed mark');
  });

  it('a replayed ballot is refused by the board; tracking codes are short and derived from the ballot hash', () => {
    const result = encryptBallot({ context, voterBinding: binding(2), selections: SELECTIONS, random });
    const board = new BulletinBoard(context.baseHash);
    const entry = board.append(result.ballot);
    expect(entry.trackingCode).toBe(result.trackingCode);
    expect(entry.trackingCode).toBe(trackingCode(result.ballotHash));
    expect(entry.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(() => board.append(result.ballot)).toThrow('this ballot is already on the board (replay)');
  });
});
