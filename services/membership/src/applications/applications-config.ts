import { z } from 'zod';
import { IZMIR_DISTRICTS } from './domain/districts.js';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * Variables the applications module reads, merged into membership's config. Every one has a safe
 * default for development except the S3 ones, which are checked when DOCUMENT_STORAGE=s3.
 */
export const applicationsConfig = {
  /**
   * Key of the HMACs that detect duplicate TC Kimlik numbers and sign applicants' access tokens
   * (at least 32 characters). When unset, a random one is created once in DATA_DIR/membership.
   * Changing it breaks duplicate detection against earlier applications and every access token.
   */
  APPLICATIONS_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Where uploaded documents (board decisions, appointment letters) are kept. */
  DOCUMENT_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Largest accepted document, in bytes (default 10 MiB). */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Folder of the local store; default DATA_DIR/membership/documents. */
  DOCUMENT_DIR: z.string().optional(),
  S3_ENDPOINT: z.url({ message: 'must be a URL (http, https)' }).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style addressing (http://host/bucket/key), which MinIO and most S3-compatible stores need. */
  S3_FORCE_PATH_STYLE: flag.default(true),
  /** Districts an individual may live in, comma-separated; default İzmir's 30 districts (a council setting). */
  APPLICATION_DISTRICTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((district) => district.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, 'at least one district'))
    .default([...IZMIR_DISTRICTS]),
  /** Version of the KVKK disclosure (aydınlatma metni) an applicant must consent to. */
  KVKK_CONSENT_VERSION: z.string().min(1).max(50).default('kvkk-2026-01'),
} satisfies z.ZodRawShape;

export type ApplicationsConfig = z.infer<z.ZodObject<typeof applicationsConfig>>;
