import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual } from '../encoding/bytes.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { CeremonyError } from '../errors.js';
import { mulBase, mulSecret } from '../group/multiply.js';
import type { Point } from '../group/point.js';
import { randomScalar, type RandomSource } from '../group/random.js';
import { decodeScalar, encodeScalar, type Scalar } from '../group/scalar.js';
import { sign, verifySignature, type Signature } from './schnorr-signature.js';

/** A key share f_from(to), encrypted to the recipient's long-term key and signed by the sender. */
export interface ShareEnvelope {
  readonly from: number;
  readonly to: number;
  /** Ephemeral Diffie–Hellman key E = g^e. */
  readonly ephemeral: Point;
  /** share ⊕ keystream (32 bytes). */
  readonly ciphertext: Uint8Array;
  /** HMAC-SHA-256 of the ciphertext (32 bytes). */
  readonly mac: Uint8Array;
  /** Sender's signature over everything above. */
  readonly signature: Signature;
}

interface Addressing {
  readonly parametersHash: Uint8Array;
  readonly from: number;
  readonly to: number;
}

function keys(a: Addressing, ephemeral: Point, recipientKey: Point, shared: Point): { stream: Uint8Array; macKey: Uint8Array } {
  const d = new Transcript(TAGS.shareKey).bytes(a.parametersHash).number(a.from).number(a.to).point(ephemeral).point(recipientKey).point(shared).digest();
  return { stream: d.slice(0, 32), macKey: d.slice(32, 64) };
}

function signedBytes(a: Addressing, ephemeral: Point, ciphertext: Uint8Array, mac: Uint8Array): Uint8Array {
  return new Transcript(TAGS.shareEnvelope).bytes(a.parametersHash).number(a.from).number(a.to).point(ephemeral).bytes(ciphertext).bytes(mac).encode();
}

/** Encrypts (hashed ElGamal + HMAC) and signs one share. */
export function sealShare(a: Addressing, share: Scalar, recipientKey: Point, senderSecretKey: Scalar, random: RandomSource): ShareEnvelope {
  const e = randomScalar(random);
  const ephemeral = mulBase(e);
  const { stream, macKey } = keys(a, ephemeral, recipientKey, mulSecret(recipientKey, e));
  const ciphertext = encodeScalar(share).map((b, i) => b ^ stream[i]!);
  const mac = hmac(sha256, macKey, ciphertext);
  const signature = sign(senderSecretKey, signedBytes(a, ephemeral, ciphertext, mac), random);
  return { from: a.from, to: a.to, ephemeral, ciphertext, mac, signature };
}

/** Checks the signature and MAC and decrypts; throws {@link CeremonyError} naming the failure. */
export function openShare(parametersHash: Uint8Array, env: ShareEnvelope, recipientSecretKey: Scalar, senderKey: Point): Scalar {
  const a = { parametersHash, from: env.from, to: env.to };
  if (!verifySignature(senderKey, signedBytes(a, env.ephemeral, env.ciphertext, env.mac), env.signature)) {
    throw new CeremonyError(`share from member ${env.from} to member ${env.to}: the sender's signature does not verify`);
  }
  const recipientKey = mulBase(recipientSecretKey);
  const { stream, macKey } = keys(a, env.ephemeral, recipientKey, mulSecret(env.ephemeral, recipientSecretKey));
  if (env.ciphertext.length !== 32 || !bytesEqual(hmac(sha256, macKey, env.ciphertext), env.mac)) {
    throw new CeremonyError(`share from member ${env.from} to member ${env.to}: the MAC does not verify`);
  }
  return decodeScalar(env.ciphertext.map((b, i) => b ^ stream[i]!), `share from member ${env.from}`);
}
