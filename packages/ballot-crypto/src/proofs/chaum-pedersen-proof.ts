import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { mulBase, mulPublic, mulSecret } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, type RandomSource } from '../group/random.js';
import { addScalars, mulScalars, type Scalar } from '../group/scalar.js';

/** Chaum–Pedersen proof that log_g(K) = log_A(M), i.e. M = A^s for the s behind K = g^s. */
export interface ChaumPedersenProof {
  readonly a: Point;
  readonly b: Point;
  readonly response: Scalar;
}

/** What a partial-decryption proof binds to. */
export interface DecryptionBinding {
  readonly baseHash: Uint8Array;
  readonly memberIndex: number;
  readonly contestIndex: number;
  readonly optionIndex: number;
}

/** c = H(tag, base hash, member, contest, option, K, A, M, a, b). */
export function decryptionChallenge(bd: DecryptionBinding, K: Point, A: Point, M: Point, a: Point, b: Point): Scalar {
  return new Transcript(TAGS.decryptionProof)
    .bytes(bd.baseHash)
    .number(bd.memberIndex)
    .number(bd.contestIndex)
    .number(bd.optionIndex)
    .point(K)
    .point(A)
    .point(M)
    .point(a)
    .point(b)
    .challenge();
}

/** Proves M = A^s where K = g^s. */
export function proveEqualLogs(s: Scalar, K: Point, A: Point, M: Point, bd: DecryptionBinding, random: RandomSource): ChaumPedersenProof {
  const w = randomScalar(random);
  const a = mulBase(w);
  const b = mulSecret(A, w);
  return { a, b, response: addScalars(w, mulScalars(decryptionChallenge(bd, K, A, M, a, b), s)) };
}

/** Checks g^v = a·K^c and A^v = b·M^c. */
export function verifyEqualLogs(K: Point, A: Point, M: Point, proof: ChaumPedersenProof, bd: DecryptionBinding): boolean {
  const c = decryptionChallenge(bd, K, A, M, proof.a, proof.b);
  return (
    mulBase(proof.response).equals(proof.a.add(mulPublic(K, c))) && mulPublic(A, proof.response).equals(proof.b.add(mulPublic(M, c)))
  );
}
