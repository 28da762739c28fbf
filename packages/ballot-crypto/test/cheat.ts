import { ballotHash } from '../src/ballot/ballot-hash.js';
import { contestProduct } from '../src/ballot/contest-product.js';
import type { EncryptedBallot, EncryptedSelection } from '../src/ballot/encrypted-ballot.js';
import { contestBinding, selectionBinding } from '../src/ballot/selection-binding.js';
import { encrypt } from '../src/elgamal/ciphertext.js';
import type { ElectionContext } from '../src/election/election-context.js';
import { randomScalar, type RandomSource } from '../src/group/random.js';
import { addScalars } from '../src/group/scalar.js';
import { proveRange } from '../src/proofs/prove-range.js';

/**
 * A malicious device: encrypts any marks (a 2, too many marks) and makes the best proofs it can by
 * claiming the nearest allowed value. The proofs must not verify.
 */
export function cheatingBallot(context: ElectionContext, voterBinding: Uint8Array, marks: number[][], random: RandomSource): EncryptedBallot {
  const h = context.publicKey;
  const contests = context.manifest.contests.map((c, ci) => {
    const rs = marks[ci]!.map(() => randomScalar(random));
    const selections: EncryptedSelection[] = marks[ci]!.map((m, oi) => {
      const ciphertext = encrypt(m, rs[oi]!, h);
      const binding = selectionBinding(context.baseHash, voterBinding, ci, oi);
      return { ciphertext, proof: proveRange({ binding, publicKey: h, ciphertext, value: Math.min(m, 1), nonce: rs[oi]!, lo: 0, hi: 1, random }) };
    });
    const count = marks[ci]!.reduce((a, b) => a + b, 0);
    const claimed = Math.max(c.minSelections, Math.min(c.maxSelections, count));
    const ciphertext = contestProduct({ selections, proof: { commitments: [], challenges: [], responses: [] } });
    const proof = proveRange({ binding: contestBinding(context.baseHash, voterBinding, ci), publicKey: h, ciphertext, value: claimed, nonce: rs.reduce(addScalars, 0n), lo: c.minSelections, hi: c.maxSelections, random });
    return { selections, proof };
  });
  return { voterBinding, contests };
}

export { ballotHash };
