import { bytesEqual } from '../encoding/bytes.js';
import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import type { ElectionManifest } from '../election/manifest.js';
import type { ElectionParameters } from '../election/parameters.js';
import { parametersHash } from '../election/parameters-hash.js';
import { G, IDENTITY, type Point } from '../group/point.js';
import { pointFromJson, scalarFromJson } from '../record/json-codec.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import { fail, guard } from './verification-failure.js';

/** What the verifier re-derives from the record's header, trusting nothing it can recompute. */
export interface VerifierContext {
  readonly manifest: ElectionManifest;
  readonly parameters: ElectionParameters;
  readonly parametersHash: Uint8Array;
  readonly baseHash: Uint8Array;
  readonly jointKey: Point;
  readonly commitments: readonly (readonly Point[])[];
  readonly authKeys: readonly Point[];
}

/**
 * Checks the format header, the parameters hash, every coefficient commitment's proof of
 * knowledge, the joint key and the base hash, and returns the derived context.
 */
export function verifierContext(record: ElectionRecordJson): VerifierContext {
  if (record?.format !== 'konsey-election-record' || record.version !== 1) fail('format', 'not a konsey-election-record, version 1');
  const { manifest, parameters, ceremony } = record;
  const ph = guard('format', 'manifest/parameters', () => parametersHash(manifest, parameters));
  if (!bytesEqual(ph, fromBase64url(ceremony.parametersHash, 32))) fail('parameters-hash', 'the parameters hash does not match the manifest and parameters');
  if (ceremony.members.length !== parameters.memberCount) fail('ceremony-proof', `expected ${parameters.memberCount} committee members, found ${ceremony.members.length}`);
  const commitments: Point[][] = [];
  const authKeys: Point[] = [];
  ceremony.members.forEach((m, i) => {
    const where = `committee member ${i + 1}`;
    if (m.index !== i + 1) fail('ceremony-proof', `${where}: listed with index ${m.index}`);
    if (m.commitments.length !== parameters.threshold || m.proofs.length !== parameters.threshold) fail('ceremony-proof', `${where}: expected ${parameters.threshold} commitments and proofs`);
    authKeys.push(guard('ceremony-proof', `${where} key`, () => pointFromJson(m.authPublicKey, 'authPublicKey')));
    commitments.push(
      m.commitments.map((k, j) => {
        const K = guard('ceremony-proof', `${where}, commitment ${j}`, () => pointFromJson(k, 'commitment'));
        const R = guard('ceremony-proof', `${where}, proof ${j}`, () => pointFromJson(m.proofs[j]!.commitment, 'proof commitment'));
        const s = guard('ceremony-proof', `${where}, proof ${j}`, () => scalarFromJson(m.proofs[j]!.response, 'proof response'));
        const c = new Transcript(TAGS.coefficientProof).bytes(ph).number(m.index).number(j).point(K).point(R).challenge();
        if (!G.multiplyUnsafe(s).equals(R.add(K.multiplyUnsafe(c)))) fail('ceremony-proof', `${where}: the proof of knowledge of coefficient ${j} does not verify`);
        return K;
      }),
    );
  });
  const jointKey = commitments.reduce((acc, c) => acc.add(c[0]!), IDENTITY);
  const recorded = guard('joint-key', 'joint key', () => pointFromJson(ceremony.jointKey, 'jointKey'));
  if (!jointKey.equals(recorded)) fail('joint-key', 'the joint key is not the product of the members’ constant-term commitments');
  const bt = new Transcript(TAGS.baseHash).bytes(ph).point(jointKey).number(commitments.length);
  for (const c of commitments) bt.points(c);
  const baseHash = bt.hash32();
  if (!bytesEqual(baseHash, fromBase64url(ceremony.baseHash, 32))) fail('base-hash', 'the base hash does not match the parameters, joint key and commitments');
  jointKey.precompute(8);
  return { manifest, parameters, parametersHash: ph, baseHash, jointKey, commitments, authKeys };
}
