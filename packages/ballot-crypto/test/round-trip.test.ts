import { describe, expect, it } from '@jest/globals';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { verifyBallot, verifyBallots } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { seededRandom } from '../src/group/random.js';
import { combineDecryptions } from '../src/tally/combine-decryptions.js';
import { partiallyDecrypt } from '../src/tally/partially-decrypt.js';
import { TallyAccumulator } from '../src/tally/tally-accumulator.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

describe('round trip', () => {
  it('encrypts, verifies, tallies and decrypts with k of n', () => {
    const random = seededRandom('round-trip');
    const { context, trustees } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
    const votes = [
      [[1, 0, 0], [1, 1, 0, 0], [1, 0, 0]],
      [[0, 0, 1], [0, 1, 0, 1], [0, 1, 0]],
      [[0, 0, 0], [0, 0, 0, 0], [0, 0, 1]],
    ];
    const acc = new TallyAccumulator(MANIFEST);
    const ballots = votes.map((selections, i) => encryptBallot({ context, voterBinding: binding(i), selections, random }).ballot);
    expect(verifyBallots({ context, ballots })).toEqual([null, null, null]);
    for (const b of ballots) {
      verifyBallot(context, b);
      acc.add(b);
    }
    const tally = acc.result();
    const partials = [trustees[2]!, trustees[0]!].map((t) => partiallyDecrypt(context, t, tally, random));
    const totals = combineDecryptions({ context, tally, partials });
    expect(totals).toEqual([[1, 0, 1], [1, 2, 0, 1], [1, 1, 1]]);
  });
});
