import { verificationKey } from '../ceremony/verification-key.js';
import type { ElectionContext } from '../election/election-context.js';
import { InvalidProofError } from '../errors.js';
import { G } from '../group/point.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { mod } from '../group/scalar.js';
import { decryptionChallenge, verifyEqualLogs } from '../proofs/chaum-pedersen-proof.js';
import { BatchVerifier } from '../proofs/batch-verifier.js';
import type { PartialDecryption } from './partial-decryption.js';
import type { EncryptedTally } from './tally-accumulator.js';

function checkShape(context: ElectionContext, tally: EncryptedTally, partial: PartialDecryption): void {
  const i = partial.memberIndex;
  if (!Number.isInteger(i) || i < 1 || i > context.parameters.memberCount) throw new InvalidProofError(`partial decryption from unknown member ${i}`);
  if (partial.shares.length !== tally.length) throw new InvalidProofError(`member ${i}: partial decryption has the wrong number of contests`);
  tally.forEach((options, ci) => {
    if (partial.shares[ci]!.length !== options.length) throw new InvalidProofError(`member ${i}: contest ${ci} has the wrong number of shares`);
  });
}

/** Throws {@link InvalidProofError} naming the first option whose decryption share does not verify. */
export function verifyPartialDecryption(context: ElectionContext, tally: EncryptedTally, partial: PartialDecryption): void {
  checkShape(context, tally, partial);
  const i = partial.memberIndex;
  const K = verificationKey(context.commitments, i);
  tally.forEach((options, ci) => {
    const shares = partial.shares[ci]!;
    options.forEach(({ alpha }, oi) => {
      const s = shares[oi]!;
      const bd = { baseHash: context.baseHash, memberIndex: i, contestIndex: ci, optionIndex: oi };
      if (!verifyEqualLogs(K, alpha, s.share, s.proof, bd)) {
        throw new InvalidProofError(`member ${i}: the partial decryption of contest ${ci}, option ${oi} does not verify`);
      }
    });
  });
}

/**
 * Checks the Chaum–Pedersen proofs of several members' partial decryptions together: every
 * equation g^v = a·K^c and A^v = b·M^c gets an independent 128-bit random weight and all go into
 * ONE multi-scalar multiplication (g, each K and each aggregate A enter it once). If the batch
 * fails, each member is re-checked alone so the error names the member and option.
 */
export function verifyPartialDecryptions(context: ElectionContext, tally: EncryptedTally, partials: readonly PartialDecryption[], random: RandomSource = systemRandom): void {
  const batch = new BatchVerifier([G], random);
  const minusOne = mod(-1n);
  for (const partial of partials) {
    checkShape(context, tally, partial);
    const i = partial.memberIndex;
    const K = verificationKey(context.commitments, i);
    tally.forEach((options, ci) => {
      options.forEach(({ alpha }, oi) => {
        const { share: M, proof } = partial.shares[ci]![oi]!;
        const c = decryptionChallenge({ baseHash: context.baseHash, memberIndex: i, contestIndex: ci, optionIndex: oi }, K, alpha, M, proof.a, proof.b);
        batch.addEquation([[proof.response, G], [minusOne, proof.a], [mod(-c), K]]);
        batch.addEquation([[proof.response, alpha], [minusOne, proof.b], [mod(-c), M]]);
      });
    });
  }
  if (batch.verify()) return;
  for (const partial of partials) verifyPartialDecryption(context, tally, partial);
  throw new InvalidProofError('the partial decryptions do not verify together');
}
