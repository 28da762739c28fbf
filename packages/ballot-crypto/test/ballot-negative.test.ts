import { describe, expect, it } from '@jest/globals';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import type { EncryptedBallot } from '../src/ballot/encrypted-ballot.js';
import { verifyBallot, verifyBallots } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import type { Ciphertext } from '../src/elgamal/ciphertext.js';
import type { RangeProof } from '../src/proofs/range-proof.js';
import { G } from '../src/group/point.js';
import { seededRandom } from '../src/group/random.js';
import { cheatingBallot } from './cheat.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

const random = seededRandom('negative');
const { context } = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
const other = runKeyCeremony({ manifest: { ...MANIFEST, electionId: 'other-election' }, parameters: PARAMS, random }).context;
const SELECTIONS = [[0, 1, 0], [1, 0, 0, 1], [0, 0, 1]];
const valid = encryptBallot({ context, voterBinding: binding(1), selections: SELECTIONS, random }).ballot;

interface MSelection { ciphertext: Ciphertext; proof: RangeProof }
interface MBallot { voterBinding: Uint8Array; contests: { selections: MSelection[]; proof: RangeProof }[] }
const copy = (b: EncryptedBallot): MBallot => ({
  voterBinding: b.voterBinding,
  contests: b.contests.map((c) => ({ selections: c.selections.map((s) => ({ ...s })), proof: c.proof })),
});

function rejection(b: EncryptedBallot, ctx = context): string {
  try {
    verifyBallot(ctx, b);
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return 'accepted';
}

describe('server-side ballot verification rejects', () => {
  it('accepts the valid ballot (control)', () => {
    expect(rejection(valid)).toBe('accepted');
  });

  it('a 2 in one option', () => {
    const b = cheatingBallot(context, binding(1), [[0, 2, 0], [1, 0, 0, 0], [0, 0, 1]], random);
    expect(rejection(b)).toBe('invalid-proof: contest 0, option 1: the proof that the mark is 0 or 1 does not verify');
  });

  it('two marks in a single-choice contest', () => {
    const b = cheatingBallot(context, binding(1), [[1, 1, 0], [1, 0, 0, 0], [0, 0, 1]], random);
    expect(rejection(b)).toBe('invalid-proof: contest 0: the proof that the number of marks is within [0, 1] does not verify');
  });

  it('one over the limit in a block contest', () => {
    const b = cheatingBallot(context, binding(1), [[1, 0, 0], [1, 1, 1, 0], [0, 0, 1]], random);
    expect(rejection(b)).toBe('invalid-proof: contest 1: the proof that the number of marks is within [0, 2] does not verify');
  });

  it('under the minimum (a blank motion where one mark is required)', () => {
    const b = cheatingBallot(context, binding(1), [[1, 0, 0], [1, 0, 0, 0], [0, 0, 0]], random);
    expect(rejection(b)).toBe('invalid-proof: contest 2: the proof that the number of marks is within [1, 1] does not verify');
  });

  it('swapped proofs between two options', () => {
    const b = copy(valid);
    const [s0, s1] = b.contests[1]!.selections;
    [s0!.proof, s1!.proof] = [s1!.proof, s0!.proof];
    expect(rejection(b)).toMatch(/^invalid-proof: contest 1, option 0/);
  });

  it('a proof replayed from another ballot on the same ciphertext position', () => {
    const donor = encryptBallot({ context, voterBinding: binding(2), selections: SELECTIONS, random }).ballot;
    const b = copy(valid);
    b.contests[0]!.selections[1] = { ...donor.contests[0]!.selections[1]! };
    expect(rejection(b)).toMatch(/^invalid-proof: contest 0, option 1/);
  });

  it('a modified ciphertext', () => {
    const b = copy(valid);
    const s = b.contests[2]!.selections[2]!;
    s.ciphertext = { alpha: s.ciphertext.alpha, beta: s.ciphertext.beta.add(G) };
    expect(rejection(b)).toMatch(/^invalid-proof: contest 2, option 2/);
  });

  it('a wrong voter binding', () => {
    const b = { ...valid, voterBinding: binding(99) };
    expect(rejection(b)).toMatch(/^invalid-proof: contest 0, option 0/);
  });

  it('a ballot with the wrong number of options', () => {
    const b = copy(valid);
    b.contests[0]!.selections.pop();
    expect(rejection(b)).toBe('invalid-input: ballot: contest 0 has 2 selections, expected 3');
  });

  it('batch verification singles out the bad ballot among good ones', () => {
    const good = encryptBallot({ context, voterBinding: binding(3), selections: SELECTIONS, random }).ballot;
    const bad = copy(valid);
    bad.contests[1]!.selections[3]!.ciphertext = { alpha: bad.contests[1]!.selections[3]!.ciphertext.alpha.add(G), beta: bad.contests[1]!.selections[3]!.ciphertext.beta };
    const results = verifyBallots({ context, ballots: [good, bad, valid] });
    expect(results[0]).toBeNull();
    expect(results[1]?.message).toMatch(/^contest 1, option 3/);
    expect(results[2]).toBeNull();
  });
});

describe('Fiat–Shamir binding: a proof moved elsewhere fails', () => {
  const donor = encryptBallot({ context, voterBinding: binding(7), selections: SELECTIONS, random }).ballot;

  it('to another ballot (voter binding), ciphertext and all', () => {
    const b = copy(valid);
    b.contests[1] = { selections: donor.contests[1]!.selections.map((s) => ({ ...s })), proof: donor.contests[1]!.proof };
    expect(rejection(b)).toMatch(/^invalid-proof: contest 1, option 0/);
  });

  it('to another election with the same key material shape', () => {
    expect(rejection(valid, other)).toMatch(/^invalid-proof: contest 0, option 0/);
  });

  it('to another option of the same ballot (ciphertext and proof moved together)', () => {
    const b = copy(valid);
    const sels = b.contests[1]!.selections;
    [sels[0], sels[1]] = [sels[1]!, sels[0]!];
    expect(rejection(b)).toMatch(/^invalid-proof: contest 1, option 0/);
  });

  it('to another contest with the same number of options', () => {
    const b = copy(valid);
    b.contests[2] = { selections: b.contests[0]!.selections, proof: b.contests[2]!.proof };
    expect(rejection(b)).toMatch(/^invalid-proof: contest 2, option 0/);
  });
});
