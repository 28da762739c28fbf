import type { ElectionContext } from '../election/election-context.js';
import { TallyError } from '../errors.js';
import { mulPublic } from '../group/multiply.js';
import type { RandomSource } from '../group/random.js';
import { DiscreteLogSolver } from './discrete-log.js';
import { lagrangeCoefficient } from './lagrange.js';
import type { PartialDecryption } from './partial-decryption.js';
import type { EncryptedTally } from './tally-accumulator.js';
import { verifyPartialDecryptions } from './verify-partial-decryption.js';

/** Options of {@link combineDecryptions}. */
export interface CombineDecryptionsOptions {
  readonly context: ElectionContext;
  readonly tally: EncryptedTally;
  /** Partial decryptions of the present members (at least k; extra ones are ignored). */
  readonly partials: readonly PartialDecryption[];
  /** Reuse a solver across calls (its table depends only on the roll size). */
  readonly solver?: DiscreteLogSolver;
  /** Source of the batch-verification weights; defaults to the system CSPRNG. */
  readonly random?: RandomSource;
}

/**
 * Verifies the partial decryptions (one batched check for all members and options), interpolates
 * the first k in the exponent (Lagrange at 0, k public multiplications per option)
 * to get A^s for each option, and solves g^t = B / A^s for every total t ∈ [0, roll] with one
 * shared baby-step giant-step table. Missing members are not needed as long as k remain.
 */
export function combineDecryptions(o: CombineDecryptionsOptions): number[][] {
  const { context, tally } = o;
  const k = context.parameters.threshold;
  const seen = new Set<number>();
  const chosen = o.partials.filter((p) => !seen.has(p.memberIndex) && seen.add(p.memberIndex)).slice(0, k);
  if (chosen.length < k) throw new TallyError('not-enough-trustees', `need ${k} distinct members' partial decryptions, got ${chosen.length}`);
  verifyPartialDecryptions(context, tally, chosen, o.random);
  const indices = chosen.map((p) => p.memberIndex);
  const lambdas = indices.map((i) => lagrangeCoefficient(i, indices));
  const solver = o.solver ?? new DiscreteLogSolver(context.parameters.maxBallots);
  const targets = tally.flatMap((options, ci) =>
    options.map(({ beta }, oi) => chosen.reduce((acc, p, n) => acc.subtract(mulPublic(p.shares[ci]![oi]!.share, lambdas[n]!)), beta)),
  );
  const solved = solver.solveMany(targets);
  let n = 0;
  return tally.map((options, ci) =>
    options.map((_, oi) => {
      const t = solved[n++];
      if (t === undefined) throw new TallyError('total-out-of-range', `contest ${ci}, option ${oi}: the total is not in [0, ${solver.max}]`);
      return t;
    }),
  );
}
