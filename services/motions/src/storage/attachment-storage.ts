import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where motion attachments live. Content-addressed: the key is the SHA-256 of the bytes, so a stored file
 * cannot change and the same file attached twice is kept once.
 */
export interface AttachmentStorage {
  put(sha256: string, content: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | undefined>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Attachments on the local disk: `<dir>/<first two hex digits>/<sha256>`, written aside then renamed. */
export function localAttachmentStorage(directory: string): AttachmentStorage {
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(directory, sha256.slice(0, 2), sha256);
  };
  return {
    async put(sha256, content) {
      const path = pathOf(sha256);
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        return;
      await mkdir(join(directory, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const aside = `${path}.${randomUUID()}.tmp`;
      await writeFile(aside, content, { mode: 0o600 });
      await rename(aside, path).catch(async (error: unknown) => {
        await unlink(aside).catch(() => undefined);
        throw error;
      });
    },
    async get(sha256) {
      return readFile(pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    },
  };
}
