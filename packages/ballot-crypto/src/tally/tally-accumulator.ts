import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import type { Ciphertext } from '../elgamal/ciphertext.js';
import type { ElectionManifest } from '../election/manifest.js';
import { InvalidInputError } from '../errors.js';
import { PointAccumulator } from '../group/point-accumulator.js';
import type { Point } from '../group/point.js';

/** Per contest, per option: the product of all counted ciphertexts. */
export type EncryptedTally = readonly (readonly Ciphertext[])[];

/** Options of {@link TallyAccumulator}. */
export interface TallyAccumulatorOptions {
  /** Use the WebAssembly limb adder when available (default true); false forces noble additions. */
  readonly wasm?: boolean;
}

/**
 * Adds verified ballots as they arrive, keeping points decoded, so the aggregate of a whole
 * election is ready when voting closes. The running sums live in extended coordinates in a
 * {@link PointAccumulator} (one slot per α and per β of every option) and are only normalised
 * when {@link TallyAccumulator.result} is read. Only the aggregate is ever decrypted. Add ONLY
 * ballots that passed verification and were cast (never challenged ones).
 */
export class TallyAccumulator {
  private readonly sums: PointAccumulator;
  private readonly points: Point[];
  private readonly optionCounts: number[];
  private count = 0;

  constructor(
    private readonly manifest: ElectionManifest,
    options: TallyAccumulatorOptions = {},
  ) {
    this.optionCounts = manifest.contests.map((c) => c.options.length);
    const slots = 2 * this.optionCounts.reduce((a, b) => a + b, 0);
    this.sums = new PointAccumulator(slots, options.wasm === undefined ? {} : { wasm: options.wasm });
    this.points = new Array<Point>(slots);
  }

  /** Adds one verified, cast ballot. */
  add(ballot: EncryptedBallot): void {
    if (ballot.contests.length !== this.manifest.contests.length) throw new InvalidInputError('ballot does not match the manifest');
    let k = 0;
    for (let ci = 0; ci < ballot.contests.length; ci++) {
      const selections = ballot.contests[ci]!.selections;
      if (selections.length !== this.optionCounts[ci]) throw new InvalidInputError(`contest ${ci}: wrong number of selections`);
      for (const s of selections) {
        this.points[k++] = s.ciphertext.alpha;
        this.points[k++] = s.ciphertext.beta;
      }
    }
    this.sums.addAll(this.points);
    this.count++;
  }

  /** Number of ballots added. */
  get ballotCount(): number {
    return this.count;
  }

  /** True when the WebAssembly adder is in use. */
  get accelerated(): boolean {
    return this.sums.accelerated;
  }

  /** The current encrypted tally. */
  result(): EncryptedTally {
    const sums = this.sums.sums();
    let k = 0;
    return this.optionCounts.map((n) => Array.from({ length: n }, () => ({ alpha: sums[k++]!, beta: sums[k++]! })));
  }
}
