import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSha256, type DocumentStorage } from './document-storage.js';

/**
 * Documents on the local disk: `<dir>/<first two hex digits>/<sha256>`. A file is written aside and
 * renamed into place, so a reader never sees half a document and two writers of the same hash agree.
 */
export function localDocumentStorage(directory: string): DocumentStorage {
  const pathOf = (sha256: string) => {
    assertSha256(sha256);
    return join(directory, sha256.slice(0, 2), sha256);
  };
  return {
    kind: 'local',
    async put(sha256, content) {
      const path = pathOf(sha256);
      if (await exists(path)) return;
      await mkdir(join(directory, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const aside = `${path}.${randomUUID()}.tmp`;
      await writeFile(aside, content, { mode: 0o600 });
      try {
        await rename(aside, path);
      } catch (error) {
        await unlink(aside).catch(() => undefined);
        throw error;
      }
    },
    async get(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
