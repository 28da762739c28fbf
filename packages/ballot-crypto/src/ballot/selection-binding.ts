import { TAGS } from '../encoding/domain-tags.js';
import { CONTEST_LEVEL, type ProofBinding } from '../proofs/proof-binding.js';

/** Binding of the 0-or-1 proof of option `optionIndex` in contest `contestIndex`. */
export function selectionBinding(baseHash: Uint8Array, voterBinding: Uint8Array, contestIndex: number, optionIndex: number): ProofBinding {
  return { tag: TAGS.selectionProof, baseHash, voterBinding, contestIndex, optionIndex };
}

/** Binding of the contest-wide [min, max] proof. */
export function contestBinding(baseHash: Uint8Array, voterBinding: Uint8Array, contestIndex: number): ProofBinding {
  return { tag: TAGS.contestProof, baseHash, voterBinding, contestIndex, optionIndex: CONTEST_LEVEL };
}
