import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import type { Ciphertext } from '../elgamal/ciphertext.js';
import { fromBase64url, toBase64url } from '../encoding/base64url.js';
import { InvalidInputError } from '../errors.js';
import { IDENTITY, decodePoint, decodePoints, encodePoint, type Point } from '../group/point.js';
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

/**
 * The points of one document, decoded together once the document has been walked (two per pass
 * of the WebAssembly decoder, see decodePoints): `take` decodes the base64url at once, in
 * document order as before, and says where the point goes; `flush` decodes them all.
 */
class PointBatch {
  private readonly bytes: Uint8Array[] = [];
  private readonly wheres: string[] = [];
  private readonly sinks: ((p: Point) => void)[] = [];

  take(s: string, where: string, sink: (p: Point) => void): void {
    this.bytes.push(fromBase64url(s, 32));
    this.wheres.push(where);
    this.sinks.push(sink);
  }

  /** Decodes every point taken (the first invalid one throws, as decodePoint would) and delivers them. */
  flush(): void {
    const points = decodePoints(this.bytes, this.wheres);
    for (let i = 0; i < points.length; i++) this.sinks[i]!(points[i]!);
  }
}

/**
 * Builds a structure whose points are decoded in one batch at the end. Errors are those of
 * decoding field by field: if the walk fails (a missing array, bad base64url, a bad scalar), an
 * invalid point before that place in the document is reported instead, as it came first.
 */
function withPoints<T>(build: (points: PointBatch) => T): T {
  const points = new PointBatch();
  let out: T;
  try {
    out = build(points);
  } catch (e) {
    points.flush();
    throw e;
  }
  points.flush();
  return out;
}

function ciphertextInto(points: PointBatch, c: CiphertextJson, where: string): Ciphertext {
  const ct = { alpha: IDENTITY, beta: IDENTITY };
  points.take(c.alpha, `${where}.alpha`, (p) => (ct.alpha = p));
  points.take(c.beta, `${where}.beta`, (p) => (ct.beta = p));
  return ct;
}

function rangeProofInto(points: PointBatch, p: RangeProofJson, where: string): RangeProof {
  return {
    commitments: arr<{ a: string; b: string }>(p.commitments, `${where}.commitments`).map((c, i) => {
      const commitment = { a: IDENTITY, b: IDENTITY };
      points.take(c.a, `${where}.commitments[${i}].a`, (x) => (commitment.a = x));
      points.take(c.b, `${where}.commitments[${i}].b`, (x) => (commitment.b = x));
      return commitment;
    }),
    challenges: arr<string>(p.challenges, `${where}.challenges`).map((c, i) => scalarFromJson(c, `${where}.challenges[${i}]`)),
    responses: arr<string>(p.responses, `${where}.responses`).map((c, i) => scalarFromJson(c, `${where}.responses[${i}]`)),
  };
}

export const rangeProofFromJson = (p: RangeProofJson, where: string): RangeProof =>
  withPoints((points) => rangeProofInto(points, p, where));

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

/**
 * Parses a ballot strictly: every point canonical and not the identity, every scalar reduced. The
 * points (~200 in a 25-option ballot) are decoded together, as a batch.
 */
export function ballotFromJson(b: BallotJson, where = 'ballot'): EncryptedBallot {
  return withPoints((points) => ({
    voterBinding: fromBase64url(b.voterBinding),
    contests: arr<BallotJson['contests'][number]>(b.contests, `${where}.contests`).map((c, ci) => ({
      selections: arr<BallotJson['contests'][number]['selections'][number]>(c.selections, `${where}.contests[${ci}].selections`).map((s, oi) => ({
        ciphertext: ciphertextInto(points, s, `${where}.contests[${ci}].selections[${oi}]`),
        proof: rangeProofInto(points, s.proof, `${where}.contests[${ci}].selections[${oi}].proof`),
      })),
      proof: rangeProofInto(points, c.proof, `${where}.contests[${ci}].proof`),
    })),
  }));
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
