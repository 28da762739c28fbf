import { keyFingerprint } from '../ceremony/key-fingerprint.js';
import { bytesEqual } from '../encoding/bytes.js';
import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { G } from '../group/point.js';
import { pointFromJson, scalarFromJson } from '../record/json-codec.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import { fail, guard } from './verification-failure.js';
import type { VerifierContext } from './verifier-context.js';

/** Checks the result hash, the key fingerprint, and at least k valid, distinct committee signatures. */
export function checkSignatures(ctx: VerifierContext, record: ElectionRecordJson): void {
  if (record.ceremony.fingerprint !== keyFingerprint(ctx.baseHash)) fail('base-hash', 'the key fingerprint does not match the base hash');
  const t = new Transcript(TAGS.result).bytes(ctx.baseHash).bytes(fromBase64url(record.boardHead, 32)).number(record.tally.ballotCount).number(record.tally.totals.length);
  for (const contest of record.tally.totals) {
    t.number(contest.length);
    for (const n of contest) t.number(n);
  }
  const rh = t.hash32();
  if (!bytesEqual(rh, guard('result-hash', 'result hash', () => fromBase64url(record.resultHash, 32)))) fail('result-hash', 'the result hash does not match the board head and totals');
  const signers = new Set<number>();
  for (const { memberIndex: i, signature } of record.signatures) {
    const key = ctx.authKeys[i - 1];
    if (!key || signers.has(i)) fail('signature', `signature from unknown or repeated member ${i}`);
    const [R, s] = guard('signature', `signature of member ${i}`, () => [pointFromJson(signature.commitment, 'R'), scalarFromJson(signature.response, 's')] as const);
    const c = new Transcript(TAGS.signature).point(key).point(R).bytes(rh).challenge();
    if (!G.multiplyUnsafe(s).equals(R.add(key.multiplyUnsafe(c)))) fail('signature', `the signature of member ${i} over the result does not verify`);
    signers.add(i);
  }
  if (signers.size < ctx.parameters.threshold) fail('signature', `${signers.size} committee signatures, ${ctx.parameters.threshold} needed`);
}
