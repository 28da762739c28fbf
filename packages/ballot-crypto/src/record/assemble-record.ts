import type { MemberAnnouncement } from '../ceremony/member-announcement.js';
import { keyFingerprint } from '../ceremony/key-fingerprint.js';
import { verifySignature, type Signature } from '../ceremony/schnorr-signature.js';
import type { ElectionContext } from '../election/election-context.js';
import { fromBase64url, toBase64url } from '../encoding/base64url.js';
import { InvalidInputError } from '../errors.js';
import type { PartialDecryption } from '../tally/partial-decryption.js';
import type { EncryptedTally } from '../tally/tally-accumulator.js';
import { ciphertextToJson, pointToJson, scalarToJson } from './json-codec.js';
import { countedBallots } from './counted-ballots.js';
import type { BoardEntryJson, ElectionRecordJson } from './record-types.js';
import { resultHash } from './result-hash.js';

/** A committee member's Schnorr signature over the result hash. */
export interface MemberSignature {
  readonly memberIndex: number;
  readonly signature: Signature;
}

/** The public parts of an election record, all computed beforehand (no secret is needed). */
export interface ElectionRecordParts {
  readonly context: Pick<
    ElectionContext,
    'manifest' | 'parameters' | 'parametersHash' | 'publicKey' | 'baseHash'
  >;
  readonly announcements: readonly MemberAnnouncement[];
  /**
   * The whole board in order, in record form (a refused ballot may not even decode), each entry
   * with its status (absent = counted). See `boardEntryToJson` for entries held as objects.
   */
  readonly board: readonly BoardEntryJson[];
  /** Per contest and option: the product of the COUNTED entries' ciphertexts. */
  readonly aggregate: EncryptedTally;
  readonly partials: readonly PartialDecryption[];
  readonly totals: readonly (readonly number[])[];
  /** Signatures over {@link recordResultHash} of these parts. */
  readonly signatures: readonly MemberSignature[];
}

/** Hash of the last board entry, or the base hash while the board is empty. */
const boardHeadOf = (board: readonly BoardEntryJson[], baseHash: Uint8Array): Uint8Array =>
  board.length === 0 ? baseHash : fromBase64url(board[board.length - 1]!.entryHash, 32);

/** The result hash the committee signs for these parts: base hash, board head, counted ballots, totals. */
export function recordResultHash(
  parts: Pick<ElectionRecordParts, 'context' | 'board' | 'totals'>,
): Uint8Array {
  const { baseHash } = parts.context;
  return resultHash(baseHash, boardHeadOf(parts.board, baseHash), countedBallots(parts.board), parts.totals);
}

/**
 * Assembles the public election record (format version 1) from already-computed public parts, for
 * a server that holds no secret. Checks every signature against its member's announced key, so a
 * signature over another result (e.g. another ballot count) is caught before publication; the
 * proofs and the aggregate are left to `konsey-verify`.
 */
export function assembleElectionRecord(parts: ElectionRecordParts): ElectionRecordJson {
  const { context } = parts;
  const rh = recordResultHash(parts);
  for (const { memberIndex, signature } of parts.signatures) {
    const member = parts.announcements.find((a) => a.index === memberIndex);
    if (!member) throw new InvalidInputError(`signature from unknown member ${memberIndex}`);
    if (!verifySignature(member.authPublicKey, rh, signature))
      throw new InvalidInputError(`the signature of member ${memberIndex} is not over this result`);
  }
  return {
    format: 'konsey-election-record',
    version: 1,
    manifest: context.manifest,
    parameters: context.parameters,
    ceremony: {
      parametersHash: toBase64url(context.parametersHash),
      members: parts.announcements.map((a) => ({
        index: a.index,
        authPublicKey: pointToJson(a.authPublicKey),
        commitments: a.commitments.map(pointToJson),
        proofs: a.proofs.map((p) => ({
          commitment: pointToJson(p.commitment),
          response: scalarToJson(p.response),
        })),
      })),
      jointKey: pointToJson(context.publicKey),
      baseHash: toBase64url(context.baseHash),
      fingerprint: keyFingerprint(context.baseHash),
    },
    board: parts.board.map((e) => ({ ...e })),
    boardHead: toBase64url(boardHeadOf(parts.board, context.baseHash)),
    tally: {
      ballotCount: countedBallots(parts.board),
      aggregate: parts.aggregate.map((options) => options.map(ciphertextToJson)),
      partialDecryptions: parts.partials.map((p) => ({
        memberIndex: p.memberIndex,
        shares: p.shares.map((options) =>
          options.map((s) => ({
            share: pointToJson(s.share),
            proof: {
              a: pointToJson(s.proof.a),
              b: pointToJson(s.proof.b),
              response: scalarToJson(s.proof.response),
            },
          })),
        ),
      })),
      totals: parts.totals.map((t) => [...t]),
    },
    resultHash: toBase64url(rh),
    signatures: parts.signatures.map((s) => ({
      memberIndex: s.memberIndex,
      signature: {
        commitment: pointToJson(s.signature.commitment),
        response: scalarToJson(s.signature.response),
      },
    })),
  };
}
