import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { mulBase, mulPublic } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, type RandomSource } from '../group/random.js';
import { addScalars, mulScalars, type Scalar } from '../group/scalar.js';

/** Schnorr proof of knowledge of the discrete log of a coefficient commitment K = g^a. */
export interface SchnorrProof {
  readonly commitment: Point;
  readonly response: Scalar;
}

/** What a coefficient proof binds to: election parameters, member and coefficient index. */
export interface CoefficientBinding {
  readonly parametersHash: Uint8Array;
  readonly memberIndex: number;
  readonly coefficientIndex: number;
}

function challenge(b: CoefficientBinding, K: Point, R: Point): Scalar {
  return new Transcript(TAGS.coefficientProof).bytes(b.parametersHash).number(b.memberIndex).number(b.coefficientIndex).point(K).point(R).challenge();
}

/** Proves knowledge of `secret` with K = g^secret. */
export function proveKnowledge(secret: Scalar, K: Point, binding: CoefficientBinding, random: RandomSource): SchnorrProof {
  const w = randomScalar(random);
  const R = mulBase(w);
  return { commitment: R, response: addScalars(w, mulScalars(challenge(binding, K, R), secret)) };
}

/** Checks g^s = R·K^c. */
export function verifyKnowledge(K: Point, proof: SchnorrProof, binding: CoefficientBinding): boolean {
  const c = challenge(binding, K, proof.commitment);
  return mulBase(proof.response).equals(proof.commitment.add(mulPublic(K, c)));
}
