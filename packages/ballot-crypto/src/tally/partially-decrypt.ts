import type { ElectionContext } from '../election/election-context.js';
import type { TrusteeKey } from '../ceremony/trustee-key.js';
import { mulBase, mulSecret } from '../group/multiply.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { proveEqualLogs } from '../proofs/chaum-pedersen-proof.js';
import type { PartialDecryption } from './partial-decryption.js';
import type { EncryptedTally } from './tally-accumulator.js';

/** A present member's partial decryption of every option's aggregate, each with its proof. */
export function partiallyDecrypt(context: ElectionContext, trustee: TrusteeKey, tally: EncryptedTally, random: RandomSource = systemRandom): PartialDecryption {
  const K = mulBase(trustee.secretShare);
  return {
    memberIndex: trustee.index,
    shares: tally.map((options, contestIndex) =>
      options.map(({ alpha }, optionIndex) => {
        const M = mulSecret(alpha, trustee.secretShare);
        const bd = { baseHash: context.baseHash, memberIndex: trustee.index, contestIndex, optionIndex };
        return { share: M, proof: proveEqualLogs(trustee.secretShare, K, alpha, M, bd, random) };
      }),
    ),
  };
}
