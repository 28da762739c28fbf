import { z } from 'zod';

/**
 * A development-only key that seals signing keys at rest. Production must set AUTH_KEY_ENCRYPTION_KEY
 * (32 random bytes, base64), ideally from a KMS or secret store; the keyring refuses this default when
 * NODE_ENV=production.
 */
export const DEV_KEY_ENCRYPTION_KEY = 'a29uc2V5LWRldmVsb3BtZW50LW9ubHkta2V5LTAwMDA=';

const seconds = (defaultValue: number, max: number) =>
  z.coerce.number().int().positive().max(max).default(defaultValue);

/** Variables of the sign-in and token module; the service merges them into its config. */
export const authConfig = {
  /** Lifetime of an access token (JWT). Default 300 s. */
  AUTH_ACCESS_TTL_SECONDS: seconds(300, 3_600),
  /** Lifetime of one refresh token; every refresh gives a new one. Default 14 days. */
  AUTH_REFRESH_TTL_SECONDS: seconds(14 * 86_400, 90 * 86_400),
  /** Longest a session (refresh-token family) lasts, refreshed or not. Default 30 days. */
  AUTH_SESSION_MAX_AGE_SECONDS: seconds(30 * 86_400, 365 * 86_400),
  /** Consecutive failed sign-ins (password or code) that lock an account. Default 5. */
  AUTH_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  /** How long a lockout lasts. Default 900 s (15 minutes). */
  AUTH_LOCKOUT_SECONDS: seconds(900, 86_400),
  /** Lifetime of a one-time sign-in code. Default 300 s. */
  AUTH_CODE_TTL_SECONDS: seconds(300, 3_600),
  /** Wrong entries that use up a one-time code. Default 5. */
  AUTH_CODE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Codes an account may request per hour; beyond that requests are answered but nothing is sent. Default 5. */
  AUTH_CODE_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(100).default(5),
  /** scrypt cost as log2(N); 15 means N = 32768 (r = 8, p = 1: 32 MiB, tens of milliseconds). Default 15. */
  AUTH_SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  /**
   * How long a new signing key is published before it signs. It must exceed the verifiers' JWKS cooldown
   * (30 s in service-kit) plus the JWKS's HTTP max-age (60 s). Default 120 s.
   */
  AUTH_KEY_PUBLISH_LEAD_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** Key (32 bytes, base64) that seals private signing keys and keys the one-time-code HMAC. */
  AUTH_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, { message: 'must be 32 bytes in base64' })
    .default(DEV_KEY_ENCRYPTION_KEY),
};

export type AuthConfig = z.infer<z.ZodObject<typeof authConfig>> & {
  NODE_ENV: 'development' | 'production' | 'test';
};
