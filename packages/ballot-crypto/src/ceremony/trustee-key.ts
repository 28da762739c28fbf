import type { Scalar } from '../group/scalar.js';

/** A committee member's result of the ceremony: its share s_ℓ = Σ_i f_i(ℓ) of the joint secret. */
export interface TrusteeKey {
  readonly index: number;
  readonly secretShare: Scalar;
  /** Long-term key, used to sign the result. */
  readonly authSecretKey: Scalar;
}
