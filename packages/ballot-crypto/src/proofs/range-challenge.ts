import type { Ciphertext } from '../elgamal/ciphertext.js';
import type { Point } from '../group/point.js';
import type { Scalar } from '../group/scalar.js';
import { bindingTranscript, type ProofBinding } from './proof-binding.js';
import type { BranchCommitment } from './range-proof.js';

/** The Fiat–Shamir challenge of a range proof: binding, key, statement and all commitments. */
export function rangeChallenge(
  binding: ProofBinding,
  publicKey: Point,
  ciphertext: Ciphertext,
  lo: number,
  hi: number,
  commitments: readonly BranchCommitment[],
): Scalar {
  const t = bindingTranscript(binding).point(publicKey).point(ciphertext.alpha).point(ciphertext.beta).number(lo).number(hi);
  t.number(commitments.length);
  for (const c of commitments) t.point(c.a).point(c.b);
  return t.challenge();
}
