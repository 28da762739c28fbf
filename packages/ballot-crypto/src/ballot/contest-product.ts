import { addCiphertexts, ZERO_CIPHERTEXT, type Ciphertext } from '../elgamal/ciphertext.js';
import type { EncryptedContest } from './encrypted-ballot.js';

/** The product of a contest's ciphertexts: an encryption of its number of marks. */
export function contestProduct(contest: EncryptedContest): Ciphertext {
  return contest.selections.reduce<Ciphertext>((acc, s) => addCiphertexts(acc, s.ciphertext), ZERO_CIPHERTEXT);
}
