import type { DocumentType } from '../domain/document-type.js';

/**
 * Where uploaded documents live. Content-addressed: the key is the SHA-256 of the bytes (64 hex
 * characters), so storing the same file twice keeps one copy and a stored file cannot change.
 */
export interface DocumentStorage {
  readonly kind: 'local' | 's3';
  /** Store the bytes under their hash; storing a hash that is already there does nothing. */
  put(sha256: string, content: Buffer, contentType: DocumentType): Promise<void>;
  /** The bytes stored under a hash, or undefined. */
  get(sha256: string): Promise<Buffer | undefined>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
}
