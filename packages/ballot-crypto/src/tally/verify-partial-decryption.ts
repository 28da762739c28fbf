import { verificationKey } from '../ceremony/verification-key.js';
import type { ElectionContext } from '../election/election-context.js';
import { InvalidProofError } from '../errors.js';
import { verifyEqualLogs } from '../proofs/chaum-pedersen-proof.js';
import type { PartialDecryption } from './partial-decryption.js';
import type { EncryptedTally } from './tally-accumulator.js';

/** Throws {@link InvalidProofError} naming the first option whose decryption share does not verify. */
export function verifyPartialDecryption(context: ElectionContext, tally: EncryptedTally, partial: PartialDecryption): void {
  const i = partial.memberIndex;
  if (!Number.isInteger(i) || i < 1 || i > context.parameters.memberCount) throw new InvalidProofError(`partial decryption from unknown member ${i}`);
  const K = verificationKey(context.commitments, i);
  if (partial.shares.length !== tally.length) throw new InvalidProofError(`member ${i}: partial decryption has the wrong number of contests`);
  tally.forEach((options, ci) => {
    const shares = partial.shares[ci]!;
    if (shares.length !== options.length) throw new InvalidProofError(`member ${i}: contest ${ci} has the wrong number of shares`);
    options.forEach(({ alpha }, oi) => {
      const s = shares[oi]!;
      const bd = { baseHash: context.baseHash, memberIndex: i, contestIndex: ci, optionIndex: oi };
      if (!verifyEqualLogs(K, alpha, s.share, s.proof, bd)) {
        throw new InvalidProofError(`member ${i}: the partial decryption of contest ${ci}, option ${oi} does not verify`);
      }
    });
  });
}
