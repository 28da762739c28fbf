import { bytesToNumberLE } from '@noble/curves/utils.js';
import { multiScalarMul } from '../group/msm.js';
import { G, type Point } from '../group/point.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import { mod, type Scalar } from '../group/scalar.js';
import type { BoardEntryJson } from '../record/record-types.js';
import type { CheckedCiphertexts } from './check-ballot-entry.js';
import { checkDisjunctionChallenge, type DisjunctionProof, type DisjunctionStatement } from './check-disjunction.js';
import { checkStatusEntry } from './check-status-entry.js';
import { fail } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

/**
 * The verifier's own batch check, written from the record's equations (it shares nothing with
 * the server's `BatchVerifier` but the group primitives). For every branch j of every proof,
 *   g^v = a·α^c   becomes   v·g − a − c·α = 0            (weight z₁)
 *   h^v = b·(β·g^−j)^c      v·h − b − c·β + c·j·g = 0     (weight z₂)
 * with fresh 128-bit weights z₁, z₂ from the CSPRNG, and the sum of all weighted equations of a
 * batch of ballots is checked with ONE multi-scalar multiplication. A false equation survives with
 * probability at most 2⁻¹²⁸. If the batch fails, its ballots are re-checked one by one with the
 * per-equation check, so the failure names the same ballot, branch and equation as before.
 */
class WeightedSum {
  private readonly coefficients = new Map<Point, Scalar>();
  private pool: Uint8Array = new Uint8Array(0);
  private offset = 0;

  constructor(private readonly random: RandomSource) {}

  private weight(): bigint {
    if (this.offset + 16 > this.pool.length) {
      this.pool = this.random(4096);
      this.offset = 0;
    }
    return bytesToNumberLE(this.pool.subarray(this.offset, (this.offset += 16))) | 1n;
  }

  private add(p: Point, s: bigint): void {
    this.coefficients.set(p, (this.coefficients.get(p) ?? 0n) + s);
  }

  addProof(s: DisjunctionStatement, p: DisjunctionProof): void {
    let alpha = 0n;
    let beta = 0n;
    let g = 0n;
    let h = 0n;
    for (let j = 0; j < p.a.length; j++) {
      const z1 = this.weight();
      const z2 = this.weight();
      const c = p.c[j]!;
      const v = p.v[j]!;
      g += z1 * v + z2 * c * BigInt(s.lo + j);
      h += z2 * v;
      alpha -= z1 * c;
      beta -= z2 * c;
      this.add(p.a[j]!, -z1);
      this.add(p.b[j]!, -z2);
    }
    this.add(G, g);
    this.add(s.h, h);
    this.add(s.alpha, alpha);
    this.add(s.beta, beta);
  }

  holds(): boolean {
    if (this.coefficients.size === 0) return true;
    return multiScalarMul([...this.coefficients.keys()], [...this.coefficients.values()].map(mod)).is0();
  }
}

/** Ballots per multi-scalar multiplication: large enough to amortise g, h and the MSM windows. */
export const VERIFIER_BATCH = 48;

/**
 * Checks board entries in order, batching the proofs' group equations of up to
 * {@link VERIFIER_BATCH} counted or superseded ballots into one multi-scalar multiplication
 * (refused entries are checked on their own). Non-group checks (encoding, challenge sums, ballot
 * hash) run per ballot as before; on any failure the entries before it are re-checked one by one,
 * so the FIRST failing entry in board order is reported. Returns each entry's ciphertexts if it
 * is counted, null otherwise.
 */
export function checkBallotEntries(ctx: VerifierContext, entries: readonly BoardEntryJson[], random: RandomSource = systemRandom): (CheckedCiphertexts | null)[] {
  const out: (CheckedCiphertexts | null)[] = [];
  for (let start = 0; start < entries.length; start += VERIFIER_BATCH) {
    const chunk = entries.slice(start, start + VERIFIER_BATCH);
    const sum = new WeightedSum(random);
    const deferGroupEquations = (s: DisjunctionStatement, p: DisjunctionProof): string | null => {
      const reason = checkDisjunctionChallenge(s, p);
      if (!reason) sum.addProof(s, p);
      return reason;
    };
    const checked: (CheckedCiphertexts | null)[] = [];
    for (let k = 0; k < chunk.length; k++) {
      try {
        checked.push(checkStatusEntry(ctx, chunk[k]!, deferGroupEquations));
      } catch (e) {
        for (let i = 0; i < k; i++) checkStatusEntry(ctx, chunk[i]!);
        throw e;
      }
    }
    if (!sum.holds()) {
      for (const entry of chunk) checkStatusEntry(ctx, entry);
      fail('ballot-proof', `board positions ${start}–${start + chunk.length - 1}: the batch of proof equations fails but no single ballot does`);
    }
    out.push(...checked);
  }
  return out;
}
