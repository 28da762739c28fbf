import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { fromBase64url, toBase64url } from '../src/encoding/base64url.js';
import { InvalidInputError } from '../src/errors.js';
import { seededRandom } from '../src/group/random.js';
import { assembleElectionRecord, recordResultHash } from '../src/record/assemble-record.js';
import { BulletinBoard } from '../src/record/bulletin-board.js';
import { buildElectionRecord } from '../src/record/build-record.js';
import { boardEntryToJson } from '../src/record/json-codec.js';
import type { ElectionRecordJson } from '../src/record/record-types.js';
import { resultHash } from '../src/record/result-hash.js';
import { verifyElectionRecord } from '../src/verifier/verify-record.js';
import { sign } from '../src/ceremony/schnorr-signature.js';
import { clone, countVotes } from './fixture.js';
import { MANIFEST } from './helpers.js';
import { buildStatusFixture, type Cast } from './status-fixture.js';

const A = [
  [1, 0, 0],
  [1, 1, 0, 0],
  [1, 0, 0],
];
const B = [
  [0, 1, 0],
  [0, 0, 1, 0],
  [0, 1, 0],
];
const C = [
  [0, 0, 1],
  [0, 0, 0, 1],
  [0, 0, 1],
];
const TWO = [
  [2, 0, 0],
  [1, 0, 0, 0],
  [1, 0, 0],
];

/** Voter 1 is refused (a 2), then casts B; voter 2 casts A, then C, which replaces A; voter 3 casts C. */
const CASTS: Cast[] = [
  { voter: 1, marks: TWO, cheat: true, status: 'refused' },
  { voter: 2, marks: A, status: 'superseded' },
  { voter: 1, marks: B, status: 'counted' },
  { voter: 2, marks: C, status: 'counted' },
  { voter: 3, marks: C, status: 'counted' },
];
// ajv ships CommonJS: the class is the default export's `default` under native ESM.
type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../schema/election-record.v1.schema.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const COUNTED = CASTS.filter((c) => c.status === 'counted').map((c) => c.marks);

describe('record with refused and superseded board entries (builder)', () => {
  const fx = buildStatusFixture(CASTS);

  it('keeps every entry on the board, with its status written only when not counted', () => {
    expect(fx.record.board.map((e) => e.status)).toEqual([
      'refused',
      'superseded',
      undefined,
      undefined,
      undefined,
    ]);
    expect(fx.record.board.map((e) => 'status' in e)).toEqual([true, true, false, false, false]);
  });

  it('matches the JSON Schema, which knows the three statuses and nothing else', () => {
    expect(validate(fx.record) ? null : validate.errors).toBeNull();
    const explicit = {
      ...fx.record,
      board: fx.record.board.map((e) => ({ ...e, status: e.status ?? 'counted' })),
    };
    expect(validate(explicit) ? null : validate.errors).toBeNull();
    expect(validate({ ...fx.record, board: [{ ...fx.record.board[0]!, status: 'accepted' }] })).toBe(false);
  });

  it('counts only the counted entries, in the ballot count and the signed result hash', () => {
    expect(fx.record.tally.ballotCount).toBe(3);
    expect(fx.totals).toEqual(countVotes(MANIFEST, COUNTED));
    const head = fromBase64url(fx.record.boardHead);
    expect(fromBase64url(fx.record.resultHash)).toEqual(resultHash(fx.context.baseHash, head, 3, fx.totals));
  });

  it('rejects statuses that do not line up with the board', () => {
    const board = new BulletinBoard(fx.context.baseHash);
    fx.ballots.forEach((b) => board.append(b));
    const options = {
      context: fx.context,
      announcements: fx.announcements,
      board,
      tally: fx.tally,
      partials: [],
      totals: fx.totals,
      signers: [],
    };
    expect(() => buildElectionRecord({ ...options, statuses: ['counted'] })).toThrow(
      new InvalidInputError('1 statuses for 5 board entries'),
    );
  });
});

describe('record with refused and superseded board entries (verifier)', () => {
  const fx = buildStatusFixture(CASTS);

  it('verifies: the refused (bad-proof) ballot is checked alone, the aggregate covers the counted entries', async () => {
    const report = await verifyElectionRecord(fx.record);
    expect(report).toMatchObject({
      ballots: 5,
      counted: 3,
      refused: 1,
      superseded: 1,
      totals: countVotes(MANIFEST, COUNTED),
    });
  });

  it('accepts a refused entry whose ballot does not even decode', async () => {
    const r = clone(fx.record) as unknown as {
      board: { ballot: { contests: { selections: { alpha: string }[] }[] } }[];
    };
    r.board[0]!.ballot.contests[0]!.selections[0]!.alpha = toBase64url(new Uint8Array(32));
    await expect(verifyElectionRecord(r as unknown as ElectionRecordJson)).resolves.toMatchObject({
      refused: 1,
    });
  });

  it('accepts an explicit "counted" status', async () => {
    const r = {
      ...fx.record,
      board: fx.record.board.map((e) => ({ ...e, status: e.status ?? ('counted' as const) })),
    };
    await expect(verifyElectionRecord(r)).resolves.toMatchObject({ counted: 3 });
  });

  it('checks refused ballots one by one among many batched counted ones', async () => {
    const many: Cast[] = Array.from({ length: 60 }, (_, i) => ({
      voter: 10 + i,
      marks: i % 2 ? A : B,
      status: 'counted',
    }));
    many.splice(30, 0, { voter: 99, marks: TWO, cheat: true, status: 'refused' });
    const big = buildStatusFixture(many, { seed: 'many' });
    await expect(verifyElectionRecord(big.record)).resolves.toMatchObject({
      ballots: 61,
      counted: 60,
      refused: 1,
    });
  });
});

describe('assembleElectionRecord (a server holding no secret)', () => {
  const fx = buildStatusFixture(CASTS);
  const board = new BulletinBoard(fx.context.baseHash);
  fx.ballots.forEach((b) => board.append(b));
  const entries = board.entries.map((e, i) => boardEntryToJson(e, CASTS[i]!.status));
  const signers = fx.record.signatures.map((s) => s.memberIndex);
  const parts = {
    context: fx.context,
    announcements: fx.announcements,
    board: entries,
    aggregate: fx.tally,
    partials: fx.partials,
    totals: fx.totals,
    signatures: [],
  };

  it('signs what recordResultHash says, and assembles the same record as buildElectionRecord', () => {
    const rh = recordResultHash(parts);
    expect(rh).toEqual(fromBase64url(fx.record.resultHash));
    const random = seededRandom('members');
    const signatures = signers.map((i) => ({
      memberIndex: i,
      signature: sign(fx.trustees[i - 1]!.authSecretKey, rh, random),
    }));
    const { signatures: assembled, ...record } = assembleElectionRecord({ ...parts, signatures });
    const { signatures: built, ...expected } = fx.record;
    expect(record).toEqual(expected);
    expect(assembled.map((s) => s.memberIndex)).toEqual(built.map((s) => s.memberIndex));
  });

  it('refuses a signature over another result (e.g. every board entry counted)', () => {
    const wrong = resultHash(
      fx.context.baseHash,
      fromBase64url(fx.record.boardHead),
      CASTS.length,
      fx.totals,
    );
    const signatures = [
      { memberIndex: 1, signature: sign(fx.trustees[0]!.authSecretKey, wrong, seededRandom('x')) },
    ];
    expect(() => assembleElectionRecord({ ...parts, signatures })).toThrow(
      'the signature of member 1 is not over this result',
    );
  });

  it('refuses an unknown status and a signature from an unknown member', () => {
    const odd = entries.map((e, i) => (i === 0 ? { ...e, status: 'accepted' as never } : e));
    expect(() => assembleElectionRecord({ ...parts, board: odd })).toThrow('unknown board status "accepted"');
    const signatures = [
      {
        memberIndex: 9,
        signature: sign(fx.trustees[0]!.authSecretKey, recordResultHash(parts), seededRandom('x')),
      },
    ];
    expect(() => assembleElectionRecord({ ...parts, signatures })).toThrow('signature from unknown member 9');
  });
});
