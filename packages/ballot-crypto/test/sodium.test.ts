import { beforeAll, describe, expect, it } from '@jest/globals';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import type { EncryptedBallot } from '../src/ballot/encrypted-ballot.js';
import { verifyBallot } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { G } from '../src/group/point.js';
import { seededRandom } from '../src/group/random.js';
import { createSodiumBallotVerifier, type BallotVerifier } from '../src/node/sodium-ballot-verifier.js';
import { cheatingBallot } from './cheat.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

const random = seededRandom('sodium');
const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
let sodiumVerify: BallotVerifier;
beforeAll(async () => {
  sodiumVerify = await createSodiumBallotVerifier();
});

const outcome = (f: () => void): string => {
  try {
    f();
    return 'valid';
  } catch (e) {
    return (e as Error).message;
  }
};

const valid = (i: number, selections: number[][]) => encryptBallot({ context, voterBinding: binding(i), selections, random }).ballot;
const withSelection = (b: EncryptedBallot, ci: number, oi: number, edit: (s: EncryptedBallot['contests'][number]['selections'][number]) => object): EncryptedBallot => ({
  ...b,
  contests: b.contests.map((c, x) => (x !== ci ? c : { ...c, selections: c.selections.map((s, y) => (y === oi ? { ...s, ...edit(s) } : s)) })),
});

describe('libsodium backend agrees with noble', () => {
  const base = valid(0, [[1, 0, 0], [0, 1, 1, 0], [0, 1, 0]]);
  const cases: [string, () => EncryptedBallot][] = [
    ['valid, marks', () => base],
    ['valid, blank where allowed', () => valid(1, [[0, 0, 0], [0, 0, 0, 0], [0, 0, 1]])],
    ['a 2 in one option', () => cheatingBallot(context, binding(2), [[0, 0, 2], [0, 0, 0, 0], [1, 0, 0]], random)],
    ['over the limit', () => cheatingBallot(context, binding(3), [[0, 0, 1], [1, 1, 1, 0], [1, 0, 0]], random)],
    ['modified ciphertext', () => withSelection(base, 1, 2, (s) => ({ ciphertext: { alpha: s.ciphertext.alpha, beta: s.ciphertext.beta.add(G) } }))],
    ['swapped proof', () => withSelection(base, 0, 0, () => ({ proof: base.contests[0]!.selections[1]!.proof }))],
    ['wrong voter binding', () => ({ ...base, voterBinding: binding(9) })],
  ];

  it.each(cases)('%s', (_, make) => {
    const ballot = make();
    const noble = outcome(() => verifyBallot(context, ballot));
    expect(outcome(() => sodiumVerify(context, ballot))).toBe(noble);
    expect(noble === 'valid').toBe(_.startsWith('valid'));
  });
});
