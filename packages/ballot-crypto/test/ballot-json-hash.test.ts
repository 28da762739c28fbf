import { ballotHashOfJson, BallotCryptoError, toBase64url, type BallotJson } from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = any;
const editable = (ballot: BallotJson): Editable => structuredClone(ballot);
import { buildFixture } from './fixture.js';

describe('ballotHashOfJson: the ballot hash taken from the wire form, no point decoded', () => {
  const fixture = buildFixture([
    [
      [1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0],
    ],
  ]);
  const base = fixture.context.baseHash;
  const wire = fixture.record.board.map((entry) => entry.ballot);

  it('equals ballotHash of the decoded ballot and the board entry hash, for every ballot', () => {
    for (const [i, entry] of fixture.record.board.entries()) {
      expect(toBase64url(ballotHashOfJson(base, wire[i]!))).toBe(entry.ballotHash);
    }
  });

  it('changes with any byte of a proof, and with the election', () => {
    const moved = editable(wire[0]!);
    const r = moved.contests[0]!.proof.responses;
    r[0] = r[1]!;
    const original = toBase64url(ballotHashOfJson(base, wire[0]!));
    expect(toBase64url(ballotHashOfJson(base, moved))).not.toBe(original);
    expect(toBase64url(ballotHashOfJson(new Uint8Array(32), wire[0]!))).not.toBe(original);
  });

  it('refuses a byte string of the wrong length or alphabet, and proofs with missing challenges', () => {
    const short = editable(wire[0]!);
    short.contests[0]!.selections[0]!.alpha = 'AAAA';
    expect(() => ballotHashOfJson(base, short)).toThrow(BallotCryptoError);
    const bad = editable(wire[0]!);
    bad.contests[0]!.selections[0]!.beta = `${'*'.repeat(42)}A`;
    expect(() => ballotHashOfJson(base, bad)).toThrow(BallotCryptoError);
    const missing = editable(wire[0]!);
    missing.contests[0]!.proof.challenges.pop();
    expect(() => ballotHashOfJson(base, missing)).toThrow(/challenges and responses/);
  });
});
