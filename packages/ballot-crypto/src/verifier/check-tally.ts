import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { G, IDENTITY, type Point } from '../group/point.js';
import { mod, invertScalar, type Scalar } from '../group/scalar.js';
import { ciphertextFromJson, pointFromJson, scalarFromJson } from '../record/json-codec.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import type { BallotSums } from './ballot-sums.js';
import { entryStatus } from './board-status.js';
import { fail, guard } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

function publicShareKey(ctx: VerifierContext, i: number): Point {
  let acc = IDENTITY;
  for (const c of ctx.commitments) {
    let power = 1n;
    for (const K of c) {
      acc = acc.add(K.multiplyUnsafe(power));
      power = mod(power * BigInt(i));
    }
  }
  return acc;
}

function lagrange(i: number, set: readonly number[]): Scalar {
  let num = 1n;
  let den = 1n;
  for (const j of set) if (j !== i) {
    num = mod(num * BigInt(j));
    den = mod(den * BigInt(j - i));
  }
  return mod(num * invertScalar(den));
}

/**
 * Checks the ballot count and the recorded aggregate against the counted entries' sums, every
 * partial decryption's proof against the member's public share key, and that each total t satisfies g^t = β / Π Mᵢ^λᵢ.
 */
export function checkTally(ctx: VerifierContext, record: ElectionRecordJson, sums: BallotSums): void {
  const { tally } = record;
  const counted = record.board.filter((e) => entryStatus(e) === 'counted').length;
  if (tally.ballotCount !== counted) fail('aggregate', `ballot count ${tally.ballotCount} ≠ ${counted} counted board entries`);
  const aggregate = sums.map((options, ci) => options.map((sum, oi) => {
    const where = `aggregate of contest ${ci}, option ${oi}`;
    const ct = guard('aggregate', where, () => ciphertextFromJson(tally.aggregate[ci]![oi]!, where, true));
    if (!ct.alpha.equals(sum.alpha) || !ct.beta.equals(sum.beta)) fail('aggregate', `${where} is not the product of the counted entries' ciphertexts`);
    return ct;
  }));
  const k = ctx.parameters.threshold;
  const members = tally.partialDecryptions.map((p) => p.memberIndex);
  if (new Set(members).size !== members.length) fail('partial-decryption', 'a member published two partial decryptions');
  if (members.length < k) fail('partial-decryption', `${members.length} partial decryptions, ${k} needed`);
  const shares = tally.partialDecryptions.map((p) => {
    const i = p.memberIndex;
    if (!Number.isInteger(i) || i < 1 || i > ctx.parameters.memberCount) fail('partial-decryption', `partial decryption from unknown member ${i}`);
    const K = publicShareKey(ctx, i);
    return aggregate.map((options, ci) => options.map(({ alpha }, oi) => {
      const where = `member ${i}, contest ${ci}, option ${oi}`;
      const d = p.shares[ci]?.[oi];
      if (!d) fail('partial-decryption', `${where}: missing decryption share`);
      // With no ballots the aggregate is the identity, and so are M = A^s and b = A^w.
      const empty = alpha.is0();
      const [M, a, b, v] = guard('partial-decryption', where, () => [pointFromJson(d.share, 'share', empty), pointFromJson(d.proof.a, 'a'), pointFromJson(d.proof.b, 'b', empty), scalarFromJson(d.proof.response, 'response')] as const);
      const c = new Transcript(TAGS.decryptionProof).bytes(ctx.baseHash).number(i).number(ci).number(oi).point(K).point(alpha).point(M).point(a).point(b).challenge();
      if (!G.multiplyUnsafe(v).equals(a.add(K.multiplyUnsafe(c))) || !alpha.multiplyUnsafe(v).equals(b.add(M.multiplyUnsafe(c)))) {
        fail('partial-decryption', `${where}: the partial decryption proof does not verify`);
      }
      return M;
    }));
  });
  const set = members.slice(0, k);
  const lambdas = set.map((i) => lagrange(i, set));
  aggregate.forEach((options, ci) => options.forEach(({ beta }, oi) => {
    const t = tally.totals[ci]?.[oi];
    const where = `contest ${ci}, option ${oi}`;
    if (!Number.isInteger(t) || t! < 0 || t! > counted) fail('total', `${where}: total ${t} is not an integer in [0, ${counted}]`);
    const combined = set.reduce((acc, _, n) => acc.add(shares[n]![ci]![oi]!.multiplyUnsafe(lambdas[n]!)), IDENTITY);
    const gt = t === 0 ? IDENTITY : G.multiplyUnsafe(BigInt(t!));
    if (!beta.subtract(combined).equals(gt)) fail('total', `${where}: the recorded total ${t} is not the decryption of the aggregate`);
  }));
  if (tally.totals.length !== aggregate.length || tally.totals.some((t, ci) => t.length !== aggregate[ci]!.length)) fail('total', 'totals do not match the manifest shape');
}
