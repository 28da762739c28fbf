import { addCiphertexts, encryptHalves, ZERO_CIPHERTEXT, type Ciphertext } from '../elgamal/ciphertext.js';
import type { ElectionContext } from '../election/election-context.js';
import { doubleAndEncode } from '../group/double-and-encode.js';
import type { Point } from '../group/point.js';
import { randomScalar, systemRandom, type RandomSource } from '../group/random.js';
import { addScalars, type Scalar } from '../group/scalar.js';
import { answerRange } from '../proofs/prove-range.js';
import { commitRange, type RangeCommitment } from '../proofs/range-commitment.js';
import { ballotHash } from './ballot-hash.js';
import type { BallotSecrets, EncryptedBallot, EncryptedContest } from './encrypted-ballot.js';
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

/** A ciphertext (halved) with the first move of its range proof. */
interface DraftStatement {
  readonly half: Ciphertext;
  readonly commitment: RangeCommitment;
  readonly nonce: Scalar;
}

/** Every point of a draft, halved, in the order {@link takeStatement} reads their doubles. */
const draftHalves = (d: DraftStatement): Point[] => [d.half.alpha, d.half.beta, ...d.commitment.halves];

/**
 * Encrypts a ballot on the voter's device: one exponential-ElGamal ciphertext per option with a
 * proof it is 0 or 1, and per contest a proof that the number of marks is within [min, max].
 * All randomness and scalar multiplications come first, on halves of the points; one batch then
 * doubles and encodes every point of the ballot (one field inversion instead of an inverse
 * square root per point), and the Fiat–Shamir challenges are answered last.
 */
export function encryptBallot(o: EncryptBallotOptions): EncryptedBallotResult {
  const { context, voterBinding, selections } = o;
  const random = o.random ?? systemRandom;
  validateSelections(context.manifest, selections);
  const h = context.publicKey;
  const drafts = context.manifest.contests.map((c, ci) => {
    const marks = selections[ci]!;
    const nonces = marks.map(() => randomScalar(random));
    const options = marks.map((m, oi): DraftStatement => ({
      half: encryptHalves(m, nonces[oi]!, h),
      commitment: commitRange(m, 0, 1, h, random),
      nonce: nonces[oi]!,
    }));
    const marked = marks.reduce((a, b) => a + b, 0);
    const contest: DraftStatement = {
      half: options.reduce<Ciphertext>((acc, d) => addCiphertexts(acc, d.half), ZERO_CIPHERTEXT),
      commitment: commitRange(marked, c.minSelections, c.maxSelections, h, random),
      nonce: nonces.reduce(addScalars, 0n),
    };
    return { options, contest, nonces };
  });
  const points = doubleAndEncode(drafts.flatMap((d) => [...d.options, d.contest].flatMap(draftHalves)));
  let next = 0;
  const takeStatement = (d: DraftStatement): { ciphertext: Ciphertext; commitments: Point[] } => {
    const [alpha, beta, ...commitments] = points.slice(next, (next += 2 + d.commitment.halves.length));
    return { ciphertext: { alpha: alpha!, beta: beta! }, commitments };
  };
  const contests: EncryptedContest[] = drafts.map((draft, ci) => {
    const encrypted = draft.options.map((d, oi) => {
      const { ciphertext, commitments } = takeStatement(d);
      const binding = selectionBinding(context.baseHash, voterBinding, ci, oi);
      return {
        ciphertext,
        proof: answerRange({ binding, publicKey: h, ciphertext, nonce: d.nonce }, d.commitment, commitments),
      };
    });
    const { ciphertext, commitments } = takeStatement(draft.contest);
    const binding = contestBinding(context.baseHash, voterBinding, ci);
    return {
      selections: encrypted,
      proof: answerRange(
        { binding, publicKey: h, ciphertext, nonce: draft.contest.nonce },
        draft.contest.commitment,
        commitments,
      ),
    };
  });
  const ballot: EncryptedBallot = { voterBinding, contests };
  const hash = ballotHash(context.baseHash, ballot);
  return {
    ballot,
    secrets: { selections: selections.map((s) => [...s]), nonces: drafts.map((d) => d.nonces) },
    ballotHash: hash,
    trackingCode: trackingCode(hash),
  };
}
