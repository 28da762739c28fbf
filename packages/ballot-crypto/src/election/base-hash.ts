import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import type { Point } from '../group/point.js';

/**
 * The election base hash: parameters hash, joint public key and every member's coefficient
 * commitments (in member order). Every ballot proof, partial decryption and board entry binds to it.
 */
export function baseHash(parametersHash: Uint8Array, jointKey: Point, commitments: readonly (readonly Point[])[]): Uint8Array {
  const t = new Transcript(TAGS.baseHash).bytes(parametersHash).point(jointKey).number(commitments.length);
  for (const c of commitments) t.points(c);
  return t.hash32();
}
