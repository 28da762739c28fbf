import { bytesEqual } from '../encoding/bytes.js';
import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { IDENTITY, tryDecodePoints, type Point } from '../group/point.js';
import { pointFromJson, scalarFromJson } from '../record/json-codec.js';
import type { BoardEntryJson, RangeProofJson } from '../record/record-types.js';
import { checkDisjunction, type DisjunctionProof, type DisjunctionStatement } from './check-disjunction.js';
import { fail, guard } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

/** A checked ballot's ciphertexts, per contest and option, for the aggregate. */
export type CheckedCiphertexts = { alpha: Point; beta: Point }[][];

/** Reads a point of the ballot: prefetched, or decoded strictly on the spot (which reports errors). */
type PointReader = (s: string, where: string) => Point;

/**
 * Decodes every point string of a ballot in one batch (two per pass of the WebAssembly decoder)
 * before the checks read them field by field. Anything invalid or oddly shaped is just not
 * prefetched: the strict decoding of that field then reports it exactly as before.
 */
function prefetchPoints(ctx: VerifierContext, ballot: BoardEntryJson['ballot']): PointReader {
  const strings: string[] = [];
  const bytes: Uint8Array[] = [];
  const add = (s: unknown): void => {
    if (typeof s !== 'string') return;
    try {
      bytes.push(fromBase64url(s, 32));
      strings.push(s);
    } catch {
      // reported by the strict decoding
    }
  };
  const proof = (p: RangeProofJson | undefined): void => {
    if (!Array.isArray(p?.commitments)) return;
    for (const c of p.commitments) {
      add(c?.a);
      add(c?.b);
    }
  };
  // Only as far as the shape matches the manifest (checked again, and reported, below).
  const contests = ballot?.contests?.length === ctx.manifest.contests.length ? ballot.contests : [];
  contests.forEach((contest, ci) => {
    if (contest?.selections?.length !== ctx.manifest.contests[ci]!.options.length) return;
    for (const sel of contest.selections) {
      add(sel?.alpha);
      add(sel?.beta);
      proof(sel?.proof);
    }
    proof(contest.proof);
  });
  const points = new Map<string, Point>();
  tryDecodePoints(bytes).forEach((p, i) => p && points.set(strings[i]!, p));
  return (s, where) => points.get(s) ?? pointFromJson(s, where);
}

function readProof(p: RangeProofJson, where: string, point: PointReader): DisjunctionProof {
  return {
    a: p.commitments.map((x, j) => point(x.a, `${where} a[${j}]`)),
    b: p.commitments.map((x, j) => point(x.b, `${where} b[${j}]`)),
    c: p.challenges.map((x, j) => scalarFromJson(x, `${where} c[${j}]`)),
    v: p.responses.map((x, j) => scalarFromJson(x, `${where} v[${j}]`)),
  };
}

function hashProof(t: Transcript, p: DisjunctionProof): void {
  t.number(p.a.length);
  p.a.forEach((a, j) => t.point(a).point(p.b[j]!).scalar(p.c[j]!).scalar(p.v[j]!));
}

/**
 * Checks one proof and returns null or the reason it fails: {@link checkDisjunction} (every
 * equation), or a batch check's strategy that checks the challenge sum here and defers the group
 * equations (`check-ballot-batch.ts`).
 */
export type ProofCheck = (statement: DisjunctionStatement, proof: DisjunctionProof) => string | null;

/**
 * Independently checks one board entry's ballot: strict decoding, every 0-or-1 proof, every
 * contest range proof (each with `check`), and the ballot hash. Throws a named failure; returns
 * the ciphertexts.
 */
export function checkBallotEntry(ctx: VerifierContext, entry: BoardEntryJson, check: ProofCheck = checkDisjunction): CheckedCiphertexts {
  const at = `board position ${entry.position}`;
  const ballot = entry.ballot;
  const point = prefetchPoints(ctx, ballot);
  const voterBinding = guard('ballot-encoding', `${at} voter binding`, () => fromBase64url(ballot.voterBinding));
  if (ballot.contests?.length !== ctx.manifest.contests.length) fail('ballot-encoding', `${at}: wrong number of contests`);
  const hash = new Transcript(TAGS.ballotHash).bytes(ctx.baseHash).bytes(voterBinding).number(ballot.contests.length);
  const out: CheckedCiphertexts = [];
  ballot.contests.forEach((contest, ci) => {
    const spec = ctx.manifest.contests[ci]!;
    if (contest.selections?.length !== spec.options.length) fail('ballot-encoding', `${at}, contest ${ci}: wrong number of selections`);
    hash.number(contest.selections.length);
    const cts: CheckedCiphertexts[number] = [];
    let alphaSum = IDENTITY;
    let betaSum = IDENTITY;
    contest.selections.forEach((sel, oi) => {
      const where = `${at}, contest ${ci}, option ${oi}`;
      const [alpha, beta, proof] = guard('ballot-encoding', where, () => [point(sel.alpha, 'alpha'), point(sel.beta, 'beta'), readProof(sel.proof, 'proof', point)] as const);
      const base = { contestLevel: false, baseHash: ctx.baseHash, voterBinding, contestIndex: ci, optionIndex: oi, h: ctx.jointKey, alpha, beta, lo: 0, hi: 1 };
      const reason = check(base, proof);
      if (reason) fail('ballot-proof', `${where}: the proof that the mark is 0 or 1 fails: ${reason}`);
      hash.point(alpha).point(beta);
      hashProof(hash, proof);
      cts.push({ alpha, beta });
      alphaSum = alphaSum.add(alpha);
      betaSum = betaSum.add(beta);
    });
    const where = `${at}, contest ${ci}`;
    const proof = guard('ballot-encoding', where, () => readProof(contest.proof, 'contest proof', point));
    const statement = { contestLevel: true, baseHash: ctx.baseHash, voterBinding, contestIndex: ci, optionIndex: 0, h: ctx.jointKey, alpha: alphaSum, beta: betaSum, lo: spec.minSelections, hi: spec.maxSelections };
    const reason = check(statement, proof);
    if (reason) fail('ballot-proof', `${where}: the proof that the number of marks is within [${spec.minSelections}, ${spec.maxSelections}] fails: ${reason}`);
    hashProof(hash, proof);
    out.push(cts);
  });
  if (!bytesEqual(hash.hash32(), guard('ballot-encoding', at, () => fromBase64url(entry.ballotHash, 32)))) fail('board-chain', `${at}: the ballot hash does not match the ballot`);
  return out;
}
