import { Transcript } from '../encoding/transcript.js';

/**
 * What a ballot proof is bound to. Every field enters the Fiat–Shamir hash, so a proof lifted
 * from another election, ballot (voter), contest or option fails verification.
 */
export interface ProofBinding {
  /** Domain tag of the proof kind. */
  readonly tag: string;
  /** The election base hash (manifest, parameters, joint key, trustee commitments). */
  readonly baseHash: Uint8Array;
  /** The ballot's binding to its voter credential. */
  readonly voterBinding: Uint8Array;
  /** Contest index in the manifest. */
  readonly contestIndex: number;
  /** Option index, or {@link CONTEST_LEVEL} for the contest-wide range proof. */
  readonly optionIndex: number;
}

/** Option index used for the proof on the contest's product ciphertext. */
export const CONTEST_LEVEL = 0xffffffff;

/** Starts the challenge transcript of a ballot proof with its binding. */
export function bindingTranscript(b: ProofBinding): Transcript {
  return new Transcript(b.tag).bytes(b.baseHash).bytes(b.voterBinding).number(b.contestIndex).number(b.optionIndex);
}
