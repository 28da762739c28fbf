import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertSha256, type DocumentStorage } from './document-storage.js';

export interface S3DocumentStorageOptions {
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Key prefix inside the bucket. */
  prefix?: string;
}

/** Documents in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW...), keyed `documents/<sha256>`. */
export function s3DocumentStorage(options: S3DocumentStorageOptions, client?: S3Client): DocumentStorage {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  const keyOf = (sha256: string) => {
    assertSha256(sha256);
    return `${options.prefix ?? 'documents/'}${sha256}`;
  };
  return {
    kind: 's3',
    async put(sha256, content, contentType) {
      const Key = keyOf(sha256);
      try {
        await s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key }));
        return;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key,
          Body: content,
          ContentType: contentType,
          ContentLength: content.length,
          // The store checks the bytes it received against the hash they are named by.
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    },
    async get(sha256) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(sha256) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404;
}
