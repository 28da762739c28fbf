import { toHex } from '../encoding/bytes.js';
import { G, IDENTITY, type Point } from '../group/point.js';

/**
 * Baby-step giant-step solver for g^t with 0 ≤ t ≤ max, sized by the roll: the baby-step table
 * (built once, reused for every option) has about 2·√(max+1) entries, so each lookup costs at most
 * √(max+1)/2 giant steps. Returns undefined when t is out of range.
 */
export class DiscreteLogSolver {
  private readonly table = new Map<string, number>();
  private readonly giant: Point;
  private readonly steps: number;

  constructor(readonly max: number) {
    const m = Math.max(1, Math.ceil(2 * Math.sqrt(max + 1)));
    let p = IDENTITY;
    for (let i = 0; i < m; i++) {
      this.table.set(toHex(p.toBytes()), i);
      p = p.add(G);
    }
    this.giant = p.negate(); // g^(−m)
    this.steps = Math.ceil((max + 1) / m);
  }

  /** t with g^t = y, or undefined if none in [0, max]. */
  solve(y: Point): number | undefined {
    let gamma = y;
    const m = this.table.size;
    for (let j = 0; j <= this.steps; j++) {
      const i = this.table.get(toHex(gamma.toBytes()));
      if (i !== undefined) {
        const t = j * m + i;
        return t <= this.max ? t : undefined;
      }
      gamma = gamma.add(this.giant);
    }
    return undefined;
  }
}
