import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import type { Ciphertext } from '../elgamal/ciphertext.js';
import { fromBase64url, toBase64url } from '../encoding/base64url.js';
import { InvalidInputError } from '../errors.js';
import { decodePoint, encodePoint, type Point } from '../group/point.js';
import { decodeScalar, encodeScalar, type Scalar } from '../group/scalar.js';
import type { RangeProof } from '../proofs/range-proof.js';
import type { BoardEntry } from './bulletin-board.js';
import type { BallotJson, BoardEntryJson, BoardStatus, CiphertextJson, RangeProofJson } from './record-types.js';

/** base64url of a point's canonical encoding. */
export const pointToJson = (p: Point): string => toBase64url(encodePoint(p));
/** Strict decoding: canonical, and not the identity unless `allowIdentity`. */
export const pointFromJson = (s: string, where: string, allowIdentity = false): Point =>
  decodePoint(fromBase64url(s, 32), where, { allowIdentity });
/** base64url of a scalar's canonical encoding. */
export const scalarToJson = (s: Scalar): string => toBase64url(encodeScalar(s));
/** Strict decoding: rejects values ≥ ℓ. */
export const scalarFromJson = (s: string, where: string): Scalar => decodeScalar(fromBase64url(s, 32), where);

function arr<T>(v: unknown, where: string): readonly T[] {
  if (!Array.isArray(v)) throw new InvalidInputError(`${where}: expected an array`);
  return v as T[];
}

export const ciphertextToJson = (c: Ciphertext): CiphertextJson => ({ alpha: pointToJson(c.alpha), beta: pointToJson(c.beta) });
export const ciphertextFromJson = (c: CiphertextJson, where: string, allowIdentity = false): Ciphertext => ({
  alpha: pointFromJson(c.alpha, `${where}.alpha`, allowIdentity),
  beta: pointFromJson(c.beta, `${where}.beta`, allowIdentity),
});

export function rangeProofToJson(p: RangeProof): RangeProofJson {
  return {
    commitments: p.commitments.map((c) => ({ a: pointToJson(c.a), b: pointToJson(c.b) })),
    challenges: p.challenges.map(scalarToJson),
    responses: p.responses.map(scalarToJson),
  };
}

export function rangeProofFromJson(p: RangeProofJson, where: string): RangeProof {
  return {
    commitments: arr<{ a: string; b: string }>(p.commitments, `${where}.commitments`).map((c, i) => ({
      a: pointFromJson(c.a, `${where}.commitments[${i}].a`),
      b: pointFromJson(c.b, `${where}.commitments[${i}].b`),
    })),
    challenges: arr<string>(p.challenges, `${where}.challenges`).map((c, i) => scalarFromJson(c, `${where}.challenges[${i}]`)),
    responses: arr<string>(p.responses, `${where}.responses`).map((c, i) => scalarFromJson(c, `${where}.responses[${i}]`)),
  };
}

/** Wire/record form of a ballot. */
export function ballotToJson(b: EncryptedBallot): BallotJson {
  return {
    voterBinding: toBase64url(b.voterBinding),
    contests: b.contests.map((c) => ({
      selections: c.selections.map((s) => ({ ...ciphertextToJson(s.ciphertext), proof: rangeProofToJson(s.proof) })),
      proof: rangeProofToJson(c.proof),
    })),
  };
}

/** Parses a ballot strictly: every point canonical and not the identity, every scalar reduced. */
export function ballotFromJson(b: BallotJson, where = 'ballot'): EncryptedBallot {
  return {
    voterBinding: fromBase64url(b.voterBinding),
    contests: arr<BallotJson['contests'][number]>(b.contests, `${where}.contests`).map((c, ci) => ({
      selections: arr<BallotJson['contests'][number]['selections'][number]>(c.selections, `${where}.contests[${ci}].selections`).map((s, oi) => ({
        ciphertext: ciphertextFromJson(s, `${where}.contests[${ci}].selections[${oi}]`),
        proof: rangeProofFromJson(s.proof, `${where}.contests[${ci}].selections[${oi}].proof`),
      })),
      proof: rangeProofFromJson(c.proof, `${where}.contests[${ci}].proof`),
    })),
  };
}

/** Record form of a board entry; `status` is written only when the entry is not counted. */
export function boardEntryToJson(e: BoardEntry, status: BoardStatus = 'counted'): BoardEntryJson {
  return {
    position: e.position,
    ...(status === 'counted' ? {} : { status }),
    ballot: ballotToJson(e.ballot),
    ballotHash: toBase64url(e.ballotHash),
    trackingCode: e.trackingCode,
    previousHash: toBase64url(e.previousHash),
    entryHash: toBase64url(e.entryHash),
  };
}
