import {
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  fromBase64url,
  toBase64url,
  type MemberAnnouncement,
  type Point,
  type ShareEnvelope,
  type Signature,
} from '@konsey/ballot-crypto';
import { z } from 'zod';

/** Wire forms of the ceremony's public messages: every point, scalar and byte string as unpadded base64url. */
const b64 = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'unpadded base64url');
const index = z.int().min(1).max(255);

export const SignatureJson = z.strictObject({ commitment: b64, response: b64 });
export type SignatureJson = z.infer<typeof SignatureJson>;

export const AnnouncementJson = z.strictObject({
  index,
  authPublicKey: b64,
  commitments: z.array(b64).min(1).max(255),
  proofs: z
    .array(z.strictObject({ commitment: b64, response: b64 }))
    .min(1)
    .max(255),
});
export type AnnouncementJson = z.infer<typeof AnnouncementJson>;

export const EnvelopeJson = z.strictObject({
  from: index,
  to: index,
  ephemeral: b64,
  ciphertext: b64,
  mac: b64,
  signature: SignatureJson,
});
export type EnvelopeJson = z.infer<typeof EnvelopeJson>;

export const pointToWire = (p: Point): string => toBase64url(encodePoint(p));
export const pointFromWire = (s: string, where: string): Point => decodePoint(fromBase64url(s, 32), where);
export const scalarToWire = (s: bigint): string => toBase64url(encodeScalar(s));
export const scalarFromWire = (s: string, where: string): bigint => decodeScalar(fromBase64url(s, 32), where);

export const signatureToWire = (s: Signature): SignatureJson => ({
  commitment: pointToWire(s.commitment),
  response: scalarToWire(s.response),
});
export const signatureFromWire = (s: SignatureJson, where: string): Signature => ({
  commitment: pointFromWire(s.commitment, `${where}.commitment`),
  response: scalarFromWire(s.response, `${where}.response`),
});

export const announcementToWire = (a: MemberAnnouncement): AnnouncementJson => ({
  index: a.index,
  authPublicKey: pointToWire(a.authPublicKey),
  commitments: a.commitments.map(pointToWire),
  proofs: a.proofs.map((p) => ({
    commitment: pointToWire(p.commitment),
    response: scalarToWire(p.response),
  })),
});

/** Strict decoding (canonical points, not the identity; scalars below ℓ); throws a ballot-crypto error. */
export const announcementFromWire = (a: AnnouncementJson): MemberAnnouncement => ({
  index: a.index,
  authPublicKey: pointFromWire(a.authPublicKey, 'authPublicKey'),
  commitments: a.commitments.map((c, j) => pointFromWire(c, `commitments[${j}]`)),
  proofs: a.proofs.map((p, j) => ({
    commitment: pointFromWire(p.commitment, `proofs[${j}].commitment`),
    response: scalarFromWire(p.response, `proofs[${j}].response`),
  })),
});

export const envelopeToWire = (e: ShareEnvelope): EnvelopeJson => ({
  from: e.from,
  to: e.to,
  ephemeral: pointToWire(e.ephemeral),
  ciphertext: toBase64url(e.ciphertext),
  mac: toBase64url(e.mac),
  signature: signatureToWire(e.signature),
});

export const envelopeFromWire = (e: EnvelopeJson): ShareEnvelope => ({
  from: e.from,
  to: e.to,
  ephemeral: pointFromWire(e.ephemeral, 'ephemeral'),
  ciphertext: fromBase64url(e.ciphertext, 32),
  mac: fromBase64url(e.mac, 32),
  signature: signatureFromWire(e.signature, 'signature'),
});

/** The bytes a member signs to confirm the ceremony: a domain tag, the ceremony id and the base hash. */
export function confirmationMessage(ceremonyId: string, baseHashHex: string): Uint8Array {
  return new TextEncoder().encode(
    `konsey/ballot-box/v1/ceremony-confirmation\0${ceremonyId}\0${baseHashHex}`,
  );
}
