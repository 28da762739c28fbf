import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** A key for one purpose, derived from the configured master key (HKDF-SHA256). */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `konsey-membership ${purpose}`, 32));
}

/** Which master key sealed a value: the first bytes of its SHA-256, so a wrong key is named, not guessed. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

/**
 * Seal a secret with AES-256-GCM: `v1.<key id>.<iv>.<tag>.<ciphertext>`. `context` (e.g. the key id of a
 * signing key) is authenticated, so a sealed value cannot be moved to another row.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    keyId(key),
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, sealedWith, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new Error('sealed secret: unknown format');
  if (sealedWith !== keyId(key))
    throw new Error('sealed secret: sealed under a different AUTH_KEY_ENCRYPTION_KEY');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(
    Buffer.from(context),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
