import type { ElectionContext } from '../election/election-context.js';
import { TallyError } from '../errors.js';
import { IDENTITY } from '../group/point.js';
import { mulPublic } from '../group/multiply.js';
import { DiscreteLogSolver } from './discrete-log.js';
import { lagrangeCoefficient } from './lagrange.js';
import type { PartialDecryption } from './partial-decryption.js';
import type { EncryptedTally } from './tally-accumulator.js';
import { verifyPartialDecryption } from './verify-partial-decryption.js';

/** Options of {@link combineDecryptions}. */
export interface CombineDecryptionsOptions {
  readonly context: ElectionContext;
  readonly tally: EncryptedTally;
  /** Partial decryptions of the present members (at least k; extra ones are ignored). */
  readonly partials: readonly PartialDecryption[];
  /** Reuse a solver across calls (its table depends only on the roll size). */
  readonly solver?: DiscreteLogSolver;
}

/**
 * Verifies the partial decryptions, interpolates the first k in the exponent (Lagrange at 0) to
 * get A^s for each option, and solves g^t = B / A^s for the total t ∈ [0, roll].
 * Missing members are not needed as long as k remain.
 */
export function combineDecryptions(o: CombineDecryptionsOptions): number[][] {
  const { context, tally } = o;
  const k = context.parameters.threshold;
  const seen = new Set<number>();
  const chosen = o.partials.filter((p) => !seen.has(p.memberIndex) && seen.add(p.memberIndex)).slice(0, k);
  if (chosen.length < k) throw new TallyError('not-enough-trustees', `need ${k} distinct members' partial decryptions, got ${chosen.length}`);
  for (const p of chosen) verifyPartialDecryption(context, tally, p);
  const indices = chosen.map((p) => p.memberIndex);
  const lambdas = indices.map((i) => lagrangeCoefficient(i, indices));
  const solver = o.solver ?? new DiscreteLogSolver(context.parameters.maxBallots);
  return tally.map((options, ci) =>
    options.map(({ beta }, oi) => {
      const combined = chosen.reduce((acc, p, n) => acc.add(mulPublic(p.shares[ci]![oi]!.share, lambdas[n]!)), IDENTITY);
      const t = solver.solve(beta.subtract(combined));
      if (t === undefined) throw new TallyError('total-out-of-range', `contest ${ci}, option ${oi}: the total is not in [0, ${solver.max}]`);
      return t;
    }),
  );
}
