import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short fingerprint of the election key (80 bits of the base hash, which covers the joint key
 * and every commitment), in Crockford base32 groups to be read aloud at the general assembly:
 * e.g. `K3QX-7MDA-P09T-WR2E`.
 */
export function keyFingerprint(baseHash: Uint8Array): string {
  const d = new Transcript(TAGS.fingerprint).bytes(baseHash).hash32();
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(d[i]!);
  let out = '';
  for (let i = 15; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)]!;
  return out.match(/.{4}/g)!.join('-');
}
