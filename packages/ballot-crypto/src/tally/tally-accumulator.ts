import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import type { Ciphertext } from '../elgamal/ciphertext.js';
import type { ElectionManifest } from '../election/manifest.js';
import { InvalidInputError } from '../errors.js';
import { IDENTITY, type Point } from '../group/point.js';

/** Per contest, per option: the product of all counted ciphertexts. */
export type EncryptedTally = readonly (readonly Ciphertext[])[];

/**
 * Adds verified ballots as they arrive, keeping points decoded (two point additions per option per
 * ballot), so the aggregate of a whole election is ready when voting closes. Only the aggregate is
 * ever decrypted. Add ONLY ballots that passed verification and were cast (never challenged ones).
 */
export class TallyAccumulator {
  private readonly alphas: Point[][];
  private readonly betas: Point[][];
  private count = 0;

  constructor(private readonly manifest: ElectionManifest) {
    this.alphas = manifest.contests.map((c) => c.options.map(() => IDENTITY));
    this.betas = manifest.contests.map((c) => c.options.map(() => IDENTITY));
  }

  /** Adds one verified, cast ballot. */
  add(ballot: EncryptedBallot): void {
    if (ballot.contests.length !== this.manifest.contests.length) throw new InvalidInputError('ballot does not match the manifest');
    ballot.contests.forEach((contest, ci) => {
      const alphas = this.alphas[ci]!;
      const betas = this.betas[ci]!;
      if (contest.selections.length !== alphas.length) throw new InvalidInputError(`contest ${ci}: wrong number of selections`);
      contest.selections.forEach((s, oi) => {
        alphas[oi] = alphas[oi]!.add(s.ciphertext.alpha);
        betas[oi] = betas[oi]!.add(s.ciphertext.beta);
      });
    });
    this.count++;
  }

  /** Number of ballots added. */
  get ballotCount(): number {
    return this.count;
  }

  /** The current encrypted tally. */
  result(): EncryptedTally {
    return this.alphas.map((as, ci) => as.map((alpha, oi) => ({ alpha, beta: this.betas[ci]![oi]! })));
  }
}
