import { encrypt } from '../elgamal/ciphertext.js';
import type { ElectionContext } from '../election/election-context.js';
import { randomScalar, systemRandom, type RandomSource } from '../group/random.js';
import { addScalars, type Scalar } from '../group/scalar.js';
import { proveRange } from '../proofs/prove-range.js';
import { ballotHash } from './ballot-hash.js';
import { contestProduct } from './contest-product.js';
import type { BallotSecrets, EncryptedBallot, EncryptedContest, EncryptedSelection } from './encrypted-ballot.js';
import { contestBinding, selectionBinding } from './selection-binding.js';
import { trackingCode } from './tracking-code.js';
import { validateSelections } from './validate-selections.js';

/** Options of {@link encryptBallot}. */
export interface EncryptBallotOptions {
  readonly context: ElectionContext;
  /** Binding to the voter credential, issued by the server for this ballot. */
  readonly voterBinding: Uint8Array;
  /** Marks per contest and option, each 0 or 1. */
  readonly selections: readonly (readonly number[])[];
  /** Randomness; defaults to `crypto.getRandomValues`. Pass a seeded source for test vectors only. */
  readonly random?: RandomSource;
}

/** The encrypted ballot, the secrets to keep until cast or challenge, and the tracking code. */
export interface EncryptedBallotResult {
  readonly ballot: EncryptedBallot;
  readonly secrets: BallotSecrets;
  readonly ballotHash: Uint8Array;
  readonly trackingCode: string;
}

/**
 * Encrypts a ballot on the voter's device: one exponential-ElGamal ciphertext per option with a
 * proof it is 0 or 1, and per contest a proof that the number of marks is within [min, max].
 */
export function encryptBallot(o: EncryptBallotOptions): EncryptedBallotResult {
  const { context, voterBinding, selections } = o;
  const random = o.random ?? systemRandom;
  validateSelections(context.manifest, selections);
  const h = context.publicKey;
  const nonces: Scalar[][] = [];
  const contests: EncryptedContest[] = context.manifest.contests.map((c, ci) => {
    const marks = selections[ci]!;
    const rs = marks.map(() => randomScalar(random));
    nonces.push(rs);
    const encrypted: EncryptedSelection[] = marks.map((m, oi) => {
      const ciphertext = encrypt(m, rs[oi]!, h);
      const binding = selectionBinding(context.baseHash, voterBinding, ci, oi);
      return { ciphertext, proof: proveRange({ binding, publicKey: h, ciphertext, value: m, nonce: rs[oi]!, lo: 0, hi: 1, random }) };
    });
    const product = contestProduct({ selections: encrypted, proof: { commitments: [], challenges: [], responses: [] } });
    const proof = proveRange({
      binding: contestBinding(context.baseHash, voterBinding, ci),
      publicKey: h,
      ciphertext: product,
      value: marks.reduce((a, b) => a + b, 0),
      nonce: rs.reduce(addScalars, 0n),
      lo: c.minSelections,
      hi: c.maxSelections,
      random,
    });
    return { selections: encrypted, proof };
  });
  const ballot: EncryptedBallot = { voterBinding, contests };
  const hash = ballotHash(context.baseHash, ballot);
  return { ballot, secrets: { selections: selections.map((s) => [...s]), nonces }, ballotHash: hash, trackingCode: trackingCode(hash) };
}
