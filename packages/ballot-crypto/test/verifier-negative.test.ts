import { describe, expect, it } from '@jest/globals';
import { ballotHash } from '../src/ballot/ballot-hash.js';
import { trackingCode } from '../src/ballot/tracking-code.js';
import { fromBase64url, toBase64url } from '../src/encoding/base64url.js';
import { fromHex } from '../src/encoding/bytes.js';
import { G } from '../src/group/point.js';
import { ORDER, encodeScalar } from '../src/group/scalar.js';
import { seededRandom } from '../src/group/random.js';
import { boardEntryHash } from '../src/record/board-chain.js';
import { ballotFromJson, ballotToJson, pointFromJson, pointToJson } from '../src/record/json-codec.js';
import type { ElectionRecordJson } from '../src/record/record-types.js';
import { verifyElectionRecord } from '../src/verifier/verify-record.js';
import { cheatingBallot } from './cheat.js';
import { buildFixture, clone } from './fixture.js';
import { binding } from './helpers.js';
import { buildStatusFixture, type Cast } from './status-fixture.js';

const VOTES = [
  [[1, 0, 0], [1, 1, 0, 0], [1, 0, 0]],
  [[0, 1, 0], [0, 1, 0, 1], [0, 1, 0]],
  [[0, 0, 0], [0, 0, 0, 0], [0, 0, 1]],
];
const fx = buildFixture(VOTES, { present: [2, 3] });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Re-hashes the board after a ballot was edited, so the chain is consistent and the proof check is reached. */
function rechain(r: ElectionRecordJson): ElectionRecordJson {
  const base = fromBase64url(r.ceremony.baseHash);
  let prev = base;
  const board = r.board as unknown as Json[];
  board.forEach((e, i) => {
    const hash = ballotHash(base, ballotFromJson(e.ballot));
    Object.assign(e, { ballotHash: toBase64url(hash), trackingCode: trackingCode(hash), previousHash: toBase64url(prev) });
    prev = boardEntryHash(prev, i, hash);
    e.entryHash = toBase64url(prev);
  });
  (r as Json).boardHead = toBase64url(prev);
  return r;
}

async function failure(r: ElectionRecordJson): Promise<string> {
  try {
    await verifyElectionRecord(r);
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return 'verified';
}

const edit = (f: (r: Json) => void): ElectionRecordJson => {
  const r = clone(fx.record);
  f(r as Json);
  return r;
};

describe('konsey-verify rejects, naming the check', () => {
  it('accepts the untouched record (control)', async () => {
    expect(await failure(fx.record)).toBe('verified');
  });

  it('a ballot with a 2 in one option', async () => {
    const b = cheatingBallot(fx.context, binding(0), [[2, 0, 0], [1, 0, 0, 0], [1, 0, 0]], seededRandom('x'));
    const r = rechain(edit((j) => (j.board[0].ballot = ballotToJson(b))));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 0, contest 0, option 0: the proof that the mark is 0 or 1 fails/);
  });

  it('a ballot over the limit', async () => {
    const b = cheatingBallot(fx.context, binding(0), [[1, 0, 0], [1, 1, 1, 1], [1, 0, 0]], seededRandom('x'));
    const r = rechain(edit((j) => (j.board[1].ballot = ballotToJson(b))));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 1, contest 1: the proof that the number of marks is within \[0, 2\] fails/);
  });

  it('swapped proofs', async () => {
    const r = rechain(edit((j) => {
      const s = j.board[2].ballot.contests[1].selections;
      [s[0].proof, s[1].proof] = [s[1].proof, s[0].proof];
    }));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 2, contest 1, option 0: .*challenges do not sum/);
  });

  it('a replayed proof from another ballot', async () => {
    const r = rechain(edit((j) => (j.board[1].ballot.contests[0].selections[0] = j.board[0].ballot.contests[0].selections[0])));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 1, contest 0, option 0/);
  });

  it('a modified ciphertext', async () => {
    const r = rechain(edit((j) => {
      const s = j.board[0].ballot.contests[2].selections[1];
      s.alpha = pointToJson(pointFromJson(s.alpha, 'a').add(G));
    }));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 0, contest 2, option 1/);
  });

  it('a response swapped between branches (challenges intact: only the batched group check can see it)', async () => {
    const r = rechain(edit((j) => {
      const proof = j.board[2].ballot.contests[1].selections[1].proof;
      proof.responses = [proof.responses[1], proof.responses[0]];
    }));
    expect(await failure(r)).toBe('ballot-proof: board position 2, contest 1, option 1: the proof that the mark is 0 or 1 fails: branch 0: g^v ≠ a·α^c');
  });

  it('a wrong voter binding', async () => {
    const r = rechain(edit((j) => (j.board[2].ballot.voterBinding = toBase64url(binding(42)))));
    expect(await failure(r)).toMatch(/^ballot-proof: board position 2, contest 0, option 0/);
  });

  it('a tampered board entry (ballot changed, chain not updated)', async () => {
    const r = edit((j) => (j.board[1].ballot = j.board[0].ballot));
    expect(await failure(r)).toBe('board-chain: board position 1: the ballot hash does not match the ballot');
  });

  it('a removed board entry', async () => {
    const r = edit((j) => j.board.splice(1, 1));
    expect(await failure(r)).toBe('board-chain: board position 1: entry says position 2');
  });

  it('reordered board entries', async () => {
    const r = edit((j) => ([j.board[0], j.board[1]] = [j.board[1], j.board[0]]));
    expect(await failure(r)).toBe('board-chain: board position 0: entry says position 1');
  });

  it('a wrong tracking code', async () => {
    const r = edit((j) => (j.board[0].trackingCode = '0000-0000-0000'));
    expect(await failure(r)).toBe('tracking-code: board position 0: tracking code 0000-0000-0000 does not match the ballot hash');
  });

  it('a wrong aggregate', async () => {
    const r = edit((j) => (j.tally.aggregate[1][2].beta = pointToJson(pointFromJson(j.tally.aggregate[1][2].beta, 'b', true).add(G))));
    expect(await failure(r)).toBe("aggregate: aggregate of contest 1, option 2 is not the product of the counted entries' ciphertexts");
  });

  it('a wrong partial decryption', async () => {
    const r = edit((j) => (j.tally.partialDecryptions[1].shares[0][1].share = pointToJson(pointFromJson(j.tally.partialDecryptions[1].shares[0][1].share, 's').add(G))));
    expect(await failure(r)).toBe('partial-decryption: member 3, contest 0, option 1: the partial decryption proof does not verify');
  });

  it('too few partial decryptions', async () => {
    const r = edit((j) => j.tally.partialDecryptions.pop());
    expect(await failure(r)).toBe('partial-decryption: 1 partial decryptions, 2 needed');
  });

  it('a wrong total', async () => {
    const r = edit((j) => (j.tally.totals[2][0] = 0));
    expect(await failure(r)).toBe('total: contest 2, option 0: the recorded total 0 is not the decryption of the aggregate');
  });

  it('a signature from a member over another result', async () => {
    const r = edit((j) => (j.signatures[0].signature.response = j.signatures[1].signature.response));
    expect(await failure(r)).toBe('signature: the signature of member 2 over the result does not verify');
  });

  it('a non-canonical point encoding (RFC 9496 negative field element)', async () => {
    const bad = toBase64url(fromHex('0100000000000000000000000000000000000000000000000000000000000000'));
    const r = edit((j) => (j.board[0].ballot.contests[0].selections[0].beta = bad));
    // The board chain is checked first and hashes only; the strict decoder then names the field.
    expect(await failure(r)).toMatch(/^ballot-encoding: board position 0, contest 0, option 0: beta: not a canonical ristretto255 encoding \(non-canonical-point\)/);
  });

  it('a non-reduced field element (≥ p) as a point', async () => {
    const bad = toBase64url(fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'));
    const r = edit((j) => (j.board[1].ballot.contests[1].selections[2].proof.commitments[0].a = bad));
    expect(await failure(r)).toMatch(/^ballot-encoding: board position 1, contest 1, option 2: .*non-canonical-point/);
  });

  it('a non-canonical scalar (response + ℓ)', async () => {
    const r = edit((j) => {
      const p = j.board[0].ballot.contests[0].selections[0].proof;
      const v = fromBase64url(p.responses[0]);
      let n = 0n;
      for (let i = 31; i >= 0; i--) n = (n << 8n) | BigInt(v[i]!);
      p.responses[0] = toBase64url(encodeScalar(0n).map((_, i) => Number(((n + ORDER) >> BigInt(8 * i)) & 0xffn)));
    });
    expect(await failure(r)).toMatch(/^ballot-encoding: board position 0, contest 0, option 0: .*non-canonical-scalar/);
  });

  it('the identity as a ciphertext component', async () => {
    const r = edit((j) => (j.board[2].ballot.contests[2].selections[0].alpha = toBase64url(new Uint8Array(32))));
    expect(await failure(r)).toMatch(/^ballot-encoding: board position 2, contest 2, option 0: alpha is the identity element, which is not allowed here \(identity-point\)/);
  });

  it('the identity as a coefficient commitment', async () => {
    const r = edit((j) => (j.ceremony.members[1].commitments[1] = toBase64url(new Uint8Array(32))));
    expect(await failure(r)).toMatch(/^ceremony-proof: committee member 2, commitment 1: commitment is the identity element/);
  });

  it('a changed manifest', async () => {
    const r = edit((j) => (j.manifest.contests[0].options[0] = 'Someone else'));
    expect(await failure(r)).toBe('parameters-hash: the parameters hash does not match the manifest and parameters');
  });
});

describe('konsey-verify checks the board statuses (refused, superseded, one counted ballot per voter)', () => {
  const A = [[1, 0, 0], [1, 1, 0, 0], [1, 0, 0]];
  const B = [[0, 1, 0], [0, 0, 1, 0], [0, 1, 0]];
  const TWO = [[2, 0, 0], [1, 0, 0, 0], [1, 0, 0]];
  const honest: Cast[] = [
    { voter: 1, marks: TWO, cheat: true, status: 'refused' },
    { voter: 2, marks: A, status: 'superseded' },
    { voter: 1, marks: B, status: 'counted' },
    { voter: 2, marks: B, status: 'counted' },
  ];
  const sfx = buildStatusFixture(honest);
  const editStatus = (f: (r: Json) => void): ElectionRecordJson => {
    const r = clone(sfx.record);
    f(r as Json);
    return r;
  };

  it('accepts the honest board (control)', async () => {
    expect(await failure(sfx.record)).toBe('verified');
  });

  it('a valid ballot refused', async () => {
    const r = buildStatusFixture([{ voter: 1, marks: A, status: 'refused' }, { voter: 1, marks: B, status: 'counted' }]).record;
    expect(await failure(r)).toBe('refusal: board position 0 is refused, but its ballot is valid: every proof verifies');
  });

  it('a refused entry whose ballot was swapped for another (the ballot hash still binds it)', async () => {
    const r = editStatus((j) => (j.board[0].ballot = j.board[2].ballot));
    expect(await failure(r)).toBe('board-chain: board position 0: the ballot hash does not match the ballot');
  });

  it('a superseded ballot with no later counted ballot of the same voter', async () => {
    const r = buildStatusFixture([
      { voter: 1, marks: A, status: 'counted' },
      { voter: 1, marks: B, status: 'superseded' },
    ]).record;
    expect(await failure(r)).toBe('supersession: board position 1 is superseded, but no later board entry of the same voter is counted');
  });

  it('a superseded ballot whose replacement is another voter’s', async () => {
    const r = buildStatusFixture([
      { voter: 1, marks: A, status: 'superseded' },
      { voter: 2, marks: B, status: 'counted' },
    ]).record;
    expect(await failure(r)).toBe('supersession: board position 0 is superseded, but no later board entry of the same voter is counted');
  });

  it('an invalid ballot marked superseded', async () => {
    const r = buildStatusFixture([
      { voter: 1, marks: TWO, cheat: true, status: 'superseded' },
      { voter: 1, marks: B, status: 'counted' },
    ]).record;
    expect(await failure(r)).toMatch(
      /^supersession: board position 0, contest 0, option 0: the proof that the mark is 0 or 1 fails: .* \(board position 0 is superseded, so its ballot must be valid\)$/,
    );
  });

  it('two counted ballots of the same voter', async () => {
    const r = buildStatusFixture([
      { voter: 1, marks: A, status: 'counted' },
      { voter: 2, marks: A, status: 'counted' },
      { voter: 1, marks: B, status: 'counted' },
    ]).record;
    expect(await failure(r)).toBe('duplicate-voter: board positions 0 and 2 are both counted ballots of the same voter');
  });

  it('an aggregate that includes the refused ballot', async () => {
    const r = buildStatusFixture(honest, { inTally: (c) => c.status !== 'superseded' }).record;
    expect(await failure(r)).toBe("aggregate: aggregate of contest 0, option 0 is not the product of the counted entries' ciphertexts");
  });

  it('a ballot count that counts every board entry', async () => {
    const r = editStatus((j) => (j.tally.ballotCount = 4));
    expect(await failure(r)).toBe('aggregate: ballot count 4 ≠ 2 counted board entries');
  });

  it('a status changed after the fact (the superseded ballot counted instead)', async () => {
    const r = editStatus((j) => {
      j.board[1].status = 'counted';
      j.board[3].status = 'superseded';
    });
    expect(await failure(r)).toBe('supersession: board position 3 is superseded, but no later board entry of the same voter is counted');
  });

  it('an unknown status', async () => {
    const r = editStatus((j) => (j.board[2].status = 'accepted'));
    expect(await failure(r)).toBe('format: board position 2: unknown status "accepted"');
  });
});
