import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { G, type Point } from '../group/point.js';
import { mod, type Scalar } from '../group/scalar.js';

/** A decoded disjunctive proof, as the verifier reads it from the record. */
export interface DisjunctionProof {
  readonly a: readonly Point[];
  readonly b: readonly Point[];
  readonly c: readonly Scalar[];
  readonly v: readonly Scalar[];
}

/** The statement: (α, β) under h encrypts a value in [lo, hi], bound as the record format says. */
export interface DisjunctionStatement {
  readonly contestLevel: boolean;
  readonly baseHash: Uint8Array;
  readonly voterBinding: Uint8Array;
  readonly contestIndex: number;
  readonly optionIndex: number;
  readonly h: Point;
  readonly alpha: Point;
  readonly beta: Point;
  readonly lo: number;
  readonly hi: number;
}

/**
 * The verifier's own check of a disjunctive Chaum–Pedersen proof, one equation at a time (the
 * server batches instead). Returns null or the reason it fails.
 */
export function checkDisjunction(s: DisjunctionStatement, p: DisjunctionProof): string | null {
  const reason = checkDisjunctionChallenge(s, p);
  if (reason) return reason;
  const n = s.hi - s.lo + 1;
  for (let j = 0; j < n; j++) {
    const c = p.c[j]!;
    const v = p.v[j]!;
    if (!G.multiplyUnsafe(v).equals(p.a[j]!.add(s.alpha.multiplyUnsafe(c)))) return `branch ${s.lo + j}: g^v ≠ a·α^c`;
    const shifted = s.lo + j === 0 ? s.beta : s.beta.subtract(G.multiplyUnsafe(BigInt(s.lo + j)));
    if (!s.h.multiplyUnsafe(v).equals(p.b[j]!.add(shifted.multiplyUnsafe(c)))) return `branch ${s.lo + j}: h^v ≠ b·(β/g^${s.lo + j})^c`;
  }
  return null;
}

/** The proof's shape and Fiat–Shamir challenge sum (no group equation). Null or the reason it fails. */
export function checkDisjunctionChallenge(s: DisjunctionStatement, p: DisjunctionProof): string | null {
  const n = s.hi - s.lo + 1;
  if (p.a.length !== n || p.b.length !== n || p.c.length !== n || p.v.length !== n) return `expected ${n} branches`;
  const t = new Transcript(s.contestLevel ? TAGS.contestProof : TAGS.selectionProof)
    .bytes(s.baseHash)
    .bytes(s.voterBinding)
    .number(s.contestIndex)
    .number(s.contestLevel ? 0xffffffff : s.optionIndex)
    .point(s.h)
    .point(s.alpha)
    .point(s.beta)
    .number(s.lo)
    .number(s.hi)
    .number(n);
  for (let j = 0; j < n; j++) t.point(p.a[j]!).point(p.b[j]!);
  const sum = p.c.reduce((x, y) => mod(x + y), 0n);
  if (sum !== t.challenge()) return 'the challenges do not sum to the Fiat–Shamir hash';
  return null;
}
