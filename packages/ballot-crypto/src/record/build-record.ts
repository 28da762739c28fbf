import type { MemberAnnouncement } from '../ceremony/member-announcement.js';
import { keyFingerprint } from '../ceremony/key-fingerprint.js';
import { sign } from '../ceremony/schnorr-signature.js';
import type { TrusteeKey } from '../ceremony/trustee-key.js';
import type { ElectionContext } from '../election/election-context.js';
import { toBase64url } from '../encoding/base64url.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import type { PartialDecryption } from '../tally/partial-decryption.js';
import type { EncryptedTally } from '../tally/tally-accumulator.js';
import type { BulletinBoard } from './bulletin-board.js';
import { ballotToJson, ciphertextToJson, pointToJson, scalarToJson } from './json-codec.js';
import type { ElectionRecordJson } from './record-types.js';
import { resultHash } from './result-hash.js';

/** Options of {@link buildElectionRecord}. */
export interface BuildElectionRecordOptions {
  readonly context: ElectionContext;
  readonly announcements: readonly MemberAnnouncement[];
  readonly board: BulletinBoard;
  readonly tally: EncryptedTally;
  readonly partials: readonly PartialDecryption[];
  readonly totals: readonly (readonly number[])[];
  /** Members signing the result (at least k). Only their long-term keys are used. */
  readonly signers: readonly TrusteeKey[];
  readonly random?: RandomSource;
}

/** Assembles and signs the public election record (format version 1). */
export function buildElectionRecord(o: BuildElectionRecordOptions): ElectionRecordJson {
  const { context } = o;
  const ballotCount = o.board.entries.length;
  const rh = resultHash(context.baseHash, o.board.head, ballotCount, o.totals);
  return {
    format: 'konsey-election-record',
    version: 1,
    manifest: context.manifest,
    parameters: context.parameters,
    ceremony: {
      parametersHash: toBase64url(context.parametersHash),
      members: o.announcements.map((a) => ({
        index: a.index,
        authPublicKey: pointToJson(a.authPublicKey),
        commitments: a.commitments.map(pointToJson),
        proofs: a.proofs.map((p) => ({ commitment: pointToJson(p.commitment), response: scalarToJson(p.response) })),
      })),
      jointKey: pointToJson(context.publicKey),
      baseHash: toBase64url(context.baseHash),
      fingerprint: keyFingerprint(context.baseHash),
    },
    board: o.board.entries.map((e) => ({
      position: e.position,
      ballot: ballotToJson(e.ballot),
      ballotHash: toBase64url(e.ballotHash),
      trackingCode: e.trackingCode,
      previousHash: toBase64url(e.previousHash),
      entryHash: toBase64url(e.entryHash),
    })),
    boardHead: toBase64url(o.board.head),
    tally: {
      ballotCount,
      aggregate: o.tally.map((options) => options.map(ciphertextToJson)),
      partialDecryptions: o.partials.map((p) => ({
        memberIndex: p.memberIndex,
        shares: p.shares.map((options) =>
          options.map((s) => ({ share: pointToJson(s.share), proof: { a: pointToJson(s.proof.a), b: pointToJson(s.proof.b), response: scalarToJson(s.proof.response) } })),
        ),
      })),
      totals: o.totals.map((t) => [...t]),
    },
    resultHash: toBase64url(rh),
    signatures: o.signers.map((t) => {
      const s = sign(t.authSecretKey, rh, o.random ?? systemRandom);
      return { memberIndex: t.index, signature: { commitment: pointToJson(s.commitment), response: scalarToJson(s.response) } };
    }),
  };
}
