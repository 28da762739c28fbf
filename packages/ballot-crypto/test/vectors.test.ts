import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { challengeBallot } from '../src/ballot/challenge-ballot.js';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { keyFingerprint } from '../src/ceremony/key-fingerprint.js';
import { fromBase64url, toBase64url } from '../src/encoding/base64url.js';
import { toHex, utf8 } from '../src/encoding/bytes.js';
import { TAGS } from '../src/encoding/domain-tags.js';
import { Transcript } from '../src/encoding/transcript.js';
import { G } from '../src/group/point.js';
import { randomScalar, seededRandom } from '../src/group/random.js';
import { encodeScalar } from '../src/group/scalar.js';
import { ballotToJson, pointToJson, scalarToJson } from '../src/record/json-codec.js';
import type { ElectionRecordJson } from '../src/record/record-types.js';
import { verifyElectionRecord } from '../src/verifier/verify-record.js';
import { buildFixture } from './fixture.js';

const FILE = fileURLToPath(new URL('../vectors/test-vectors.v1.json', import.meta.url));
const VOTES = [
  [[1, 0, 0], [1, 1, 0, 0], [1, 0, 0]],
  [[0, 0, 1], [0, 0, 0, 1], [0, 1, 0]],
  [[0, 0, 0], [0, 0, 0, 0], [0, 0, 1]],
];

/** Everything is derived from fixed seeds, so these values never change unless the format does. */
function buildVectors(): Record<string, unknown> {
  const r = seededRandom('konsey test vectors v1 / primitives');
  const s = randomScalar(r);
  const t = new Transcript(TAGS.selectionProof).bytes(utf8('base')).number(7).text('ş').point(G).scalar(s);
  const fx = buildFixture(VOTES, { present: [1, 3], random: seededRandom('konsey test vectors v1 / election') });
  const spoiled = encryptBallot({ context: fx.context, voterBinding: utf8('voter-challenge'), selections: VOTES[0]!, random: seededRandom('konsey test vectors v1 / challenge') });
  const c = challengeBallot(spoiled);
  return {
    description:
      'Test vectors for @konsey/ballot-crypto, record format v1. Seeded randomness: seededRandom(seed) = SHA-512(tag ‖ u32(len) ‖ seed ‖ u32(counter)) blocks, see src/group/random.ts. Regenerate with KONSEY_WRITE_VECTORS=1.',
    primitives: {
      seededRandom: { seed: 'konsey test vectors v1 / primitives', first64BytesHex: toHex(seededRandom('konsey test vectors v1 / primitives')(64)) },
      randomScalar: { fromSameSeed: scalarToJson(s) },
      scalarEncodingHex: toHex(encodeScalar(s)),
      basePointTimesScalar: pointToJson(G.multiply(s)),
      transcript: { items: 'tag(selection-proof), bytes("base"), number(7), text("ş"), point(G), scalar(s)', encodingHex: toHex(t.encode()), challenge: scalarToJson(t.challenge()) },
    },
    election: {
      seed: 'konsey test vectors v1 / election',
      votes: VOTES,
      trusteeSecretShares: fx.trustees.map((x) => ({ index: x.index, secretShare: scalarToJson(x.secretShare) })),
      fingerprint: keyFingerprint(fx.context.baseHash),
      record: fx.record,
    },
    challengedBallot: {
      seed: 'konsey test vectors v1 / challenge',
      voterBinding: toBase64url(utf8('voter-challenge')),
      selections: c.selections,
      nonces: c.nonces.map((n) => n.map(scalarToJson)),
      ballot: ballotToJson(c.ballot),
      ballotHash: toBase64url(c.ballotHash),
      trackingCode: spoiled.trackingCode,
    },
  };
}

describe('published test vectors', () => {
  const vectors = JSON.parse(JSON.stringify(buildVectors())) as Record<string, unknown>;
  if (process.env.KONSEY_WRITE_VECTORS === '1') writeFileSync(FILE, `${JSON.stringify(vectors, null, 1)}\n`);
  const published = JSON.parse(readFileSync(FILE, 'utf8')) as typeof vectors;

  it('this implementation reproduces every published value from the seeds', () => {
    expect(vectors).toEqual(published);
  });

  it('the published record verifies', async () => {
    const record = (published.election as { record: ElectionRecordJson }).record;
    await expect(verifyElectionRecord(record)).resolves.toMatchObject({ ballots: 3, totals: [[1, 0, 1], [1, 1, 0, 1], [1, 1, 1]] });
    expect(fromBase64url(record.boardHead)).toHaveLength(32);
  });
});
