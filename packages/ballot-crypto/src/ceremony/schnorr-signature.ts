import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { concatBytes } from '../encoding/bytes.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { mulBase, mulPublic } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import type { RandomSource } from '../group/random.js';
import { addScalars, encodeScalar, mod, mulScalars, type Scalar } from '../group/scalar.js';

/** A Schnorr signature (R, s) over ristretto255 by a committee member's long-term key. */
export interface Signature {
  readonly commitment: Point;
  readonly response: Scalar;
}

function challenge(publicKey: Point, R: Point, message: Uint8Array): Scalar {
  return new Transcript(TAGS.signature).point(publicKey).point(R).bytes(message).challenge();
}

/** Signs `message`; the nonce is hedged (hash of key, message and fresh randomness). */
export function sign(secretKey: Scalar, message: Uint8Array, random: RandomSource): Signature {
  const w = mod(bytesToNumberLE(sha512(concatBytes(encodeScalar(secretKey), message, random(32))))) || 1n;
  const R = mulBase(w);
  return { commitment: R, response: addScalars(w, mulScalars(challenge(mulBase(secretKey), R, message), secretKey)) };
}

/** Checks g^s = R·X^c. */
export function verifySignature(publicKey: Point, message: Uint8Array, sig: Signature): boolean {
  const c = challenge(publicKey, sig.commitment, message);
  return mulBase(sig.response).equals(sig.commitment.add(mulPublic(publicKey, c)));
}
