import type { ElectionContext } from '../election/election-context.js';
import type { VerifyRangeOptions } from '../proofs/verify-range.js';
import { checkBallotShape } from './check-ballot-shape.js';
import { contestProduct } from './contest-product.js';
import type { EncryptedBallot } from './encrypted-ballot.js';
import { contestBinding, selectionBinding } from './selection-binding.js';

/** A proof to check, with the human name used when it fails. */
export interface NamedProof {
  readonly name: string;
  readonly check: VerifyRangeOptions;
}

/**
 * Every proof a ballot must carry, in order: per contest, each option's 0-or-1 proof, then the
 * contest's [min, max] proof on the product. Throws if the ballot's shape does not match.
 * Shared by the noble (batched) and libsodium server-side verifiers.
 */
export function ballotProofStatements(context: ElectionContext, ballot: EncryptedBallot): NamedProof[] {
  checkBallotShape(context.manifest, ballot);
  const out: NamedProof[] = [];
  const { baseHash, publicKey } = context;
  ballot.contests.forEach((contest, ci) => {
    const c = context.manifest.contests[ci]!;
    contest.selections.forEach((s, oi) => {
      out.push({
        name: `contest ${ci}, option ${oi}: the proof that the mark is 0 or 1`,
        check: { binding: selectionBinding(baseHash, ballot.voterBinding, ci, oi), publicKey, ciphertext: s.ciphertext, lo: 0, hi: 1, proof: s.proof },
      });
    });
    out.push({
      name: `contest ${ci}: the proof that the number of marks is within [${c.minSelections}, ${c.maxSelections}]`,
      check: { binding: contestBinding(baseHash, ballot.voterBinding, ci), publicKey, ciphertext: contestProduct(contest), lo: c.minSelections, hi: c.maxSelections, proof: contest.proof },
    });
  });
  return out;
}
