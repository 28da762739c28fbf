/** Crockford base32: no I, L, O, U, so codes read aloud or typed by hand are unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The voter's tracking code: the first 60 bits of the ballot hash as 12 Crockford base32
 * characters in groups of four, e.g. `7Q2M-XK4D-9B0T`. The voter finds it on the public board.
 */
export function trackingCode(ballotHash: Uint8Array): string {
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(ballotHash[i]!);
  bits >>= 4n; // 60 bits
  let out = '';
  for (let i = 11; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)]!;
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}
