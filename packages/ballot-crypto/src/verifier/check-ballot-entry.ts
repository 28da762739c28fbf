import { bytesEqual } from '../encoding/bytes.js';
import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { IDENTITY, type Point } from '../group/point.js';
import { pointFromJson, scalarFromJson } from '../record/json-codec.js';
import type { BoardEntryJson, RangeProofJson } from '../record/record-types.js';
import { checkDisjunction, type DisjunctionProof, type DisjunctionStatement } from './check-disjunction.js';
import { fail, guard } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

/** A checked ballot's ciphertexts, per contest and option, for the aggregate. */
export type CheckedCiphertexts = { alpha: Point; beta: Point }[][];

function readProof(p: RangeProofJson, where: string): DisjunctionProof {
  return {
    a: p.commitments.map((x, j) => pointFromJson(x.a, `${where} a[${j}]`)),
    b: p.commitments.map((x, j) => pointFromJson(x.b, `${where} b[${j}]`)),
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
      const [alpha, beta, proof] = guard('ballot-encoding', where, () => [pointFromJson(sel.alpha, 'alpha'), pointFromJson(sel.beta, 'beta'), readProof(sel.proof, 'proof')] as const);
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
    const proof = guard('ballot-encoding', where, () => readProof(contest.proof, 'contest proof'));
    const statement = { contestLevel: true, baseHash: ctx.baseHash, voterBinding, contestIndex: ci, optionIndex: 0, h: ctx.jointKey, alpha: alphaSum, beta: betaSum, lo: spec.minSelections, hi: spec.maxSelections };
    const reason = check(statement, proof);
    if (reason) fail('ballot-proof', `${where}: the proof that the number of marks is within [${spec.minSelections}, ${spec.maxSelections}] fails: ${reason}`);
    hashProof(hash, proof);
    out.push(cts);
  });
  if (!bytesEqual(hash.hash32(), guard('ballot-encoding', at, () => fromBase64url(entry.ballotHash, 32)))) fail('board-chain', `${at}: the ballot hash does not match the ballot`);
  return out;
}
