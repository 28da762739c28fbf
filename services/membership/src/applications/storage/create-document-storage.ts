import { join } from 'node:path';
import { ConfigError, type BaseConfig } from '@konsey/service-kit';
import type { ApplicationsConfig } from '../applications-config.js';
import type { DocumentStorage } from './document-storage.js';
import { localDocumentStorage } from './local-document-storage.js';
import { s3DocumentStorage } from './s3-document-storage.js';

/** The store DOCUMENT_STORAGE names; S3 needs its bucket and keys, each missing one is named. */
export function createDocumentStorage(config: BaseConfig & ApplicationsConfig): DocumentStorage {
  if (config.DOCUMENT_STORAGE === 'local') {
    return localDocumentStorage(config.DOCUMENT_DIR ?? join(config.DATA_DIR, 'membership', 'documents'));
  }
  const required = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const missing = required.filter((name) => !config[name]);
  if (missing.length) {
    throw new ConfigError(
      'membership',
      missing.map((name) => `${name}: required when DOCUMENT_STORAGE=s3 (not set)`),
    );
  }
  return s3DocumentStorage({
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
