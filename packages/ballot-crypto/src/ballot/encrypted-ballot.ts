import type { Ciphertext } from '../elgamal/ciphertext.js';
import type { RangeProof } from '../proofs/range-proof.js';
import type { Scalar } from '../group/scalar.js';

/** One option's encrypted mark (0 or 1) with its proof that it is 0 or 1. */
export interface EncryptedSelection {
  readonly ciphertext: Ciphertext;
  readonly proof: RangeProof;
}

/** One contest: a selection per option, and a proof that their sum is within [min, max]. */
export interface EncryptedContest {
  readonly selections: readonly EncryptedSelection[];
  readonly proof: RangeProof;
}

/** A cast-able ballot. Holds no secret: it may be published on the bulletin board as is. */
export interface EncryptedBallot {
  /** Binding to the voter credential (e.g. a hash of the credential's public key), chosen by the server. */
  readonly voterBinding: Uint8Array;
  readonly contests: readonly EncryptedContest[];
}

/** The device-side secrets of a ballot: revealing them (Benaloh challenge) spoils the ballot. */
export interface BallotSecrets {
  /** Marks per contest and option (0 or 1). */
  readonly selections: readonly (readonly number[])[];
  /** Encryption nonces per contest and option. */
  readonly nonces: readonly (readonly Scalar[])[];
}
