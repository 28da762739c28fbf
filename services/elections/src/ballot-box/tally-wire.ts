import {
  decodePoint,
  fromBase64url,
  type EncryptedTally,
  type PartialDecryption,
} from '@konsey/ballot-crypto';
import { z } from 'zod';
import { pointFromWire, pointToWire, scalarFromWire, scalarToWire } from './wire.js';

/**
 * The wire forms of the tally (encrypted sums, partial decryptions), shared by the service and the
 * committee's CLI; nothing here touches the database, so the CLI starts without the service's stack.
 */

const b64 = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'unpadded base64url');
export const PartialDecryptionJson = z.strictObject({
  memberIndex: z.int().min(1).max(255),
  shares: z
    .array(
      z
        .array(
          z.strictObject({
            share: b64,
            proof: z.strictObject({ a: b64, b: b64, response: b64 }),
          }),
        )
        .min(1)
        .max(1000),
    )
    .min(1)
    .max(100),
});
export type PartialDecryptionJson = z.infer<typeof PartialDecryptionJson>;

export const partialToWire = (p: PartialDecryption): PartialDecryptionJson => ({
  memberIndex: p.memberIndex,
  shares: p.shares.map((options) =>
    options.map((s) => ({
      share: pointToWire(s.share),
      proof: {
        a: pointToWire(s.proof.a),
        b: pointToWire(s.proof.b),
        response: scalarToWire(s.proof.response),
      },
    })),
  ),
});

/** Strict decoding; throws a ballot-crypto error on a bad encoding. */
export const partialFromWire = (p: PartialDecryptionJson): PartialDecryption => ({
  memberIndex: p.memberIndex,
  shares: p.shares.map((options, ci) =>
    options.map((s, oi) => ({
      share: decodePoint(fromBase64url(s.share, 32), `shares[${ci}][${oi}].share`, { allowIdentity: true }),
      proof: {
        a: pointFromWire(s.proof.a, `shares[${ci}][${oi}].proof.a`),
        b: decodePoint(fromBase64url(s.proof.b, 32), `shares[${ci}][${oi}].proof.b`, { allowIdentity: true }),
        response: scalarFromWire(s.proof.response, `shares[${ci}][${oi}].proof.response`),
      },
    })),
  ),
});

export type SumsJson = { alpha: string; beta: string }[][];

export const tallyFromWire = (sums: SumsJson): EncryptedTally =>
  sums.map((options) =>
    options.map((c) => ({
      alpha: decodePoint(fromBase64url(c.alpha, 32), 'sum.alpha', { allowIdentity: true }),
      beta: decodePoint(fromBase64url(c.beta, 32), 'sum.beta', { allowIdentity: true }),
    })),
  );
