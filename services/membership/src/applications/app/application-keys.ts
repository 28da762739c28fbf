import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BaseConfig } from '@konsey/service-kit';
import type { ApplicationsConfig } from '../applications-config.js';

/**
 * The keyed hashes of the applications module, all under one server secret with a label per use so
 * that no value can stand in for another:
 * - the TC Kimlik digest that finds duplicates without keeping the number;
 * - the applicant's access token (no account yet): derived from the application id, so it is never
 *   stored and an idempotent retry can hand the same token back;
 * - the hash of a submission request, stored with its Idempotency-Key.
 */
export interface ApplicationKeys {
  tcKimlikDigest(tcKimlikNo: string): string;
  accessToken(applicationId: string): string;
  verifyAccessToken(applicationId: string, token: string | undefined): boolean;
  requestHash(scope: string, body: unknown): string;
}

export function applicationKeys(secret: string | Buffer): ApplicationKeys {
  const mac = (label: string, value: string) =>
    createHmac('sha256', secret).update(`konsey/${label}\0${value}`).digest();
  const accessToken = (applicationId: string) =>
    mac('application-access', applicationId).toString('base64url');
  return {
    tcKimlikDigest: (tcKimlikNo) => mac('tc-kimlik-no', tcKimlikNo).toString('hex'),
    accessToken,
    verifyAccessToken(applicationId, token) {
      if (!token) return false;
      const expected = Buffer.from(accessToken(applicationId));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    requestHash: (scope, body) =>
      mac('idempotent-request', `${scope}\0${canonicalJson(body)}`).toString('hex'),
  };
}

/** JSON with object keys sorted, so that the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where the generated secret is kept when APPLICATIONS_SECRET is not set. */
export function applicationsSecretPath(config: Pick<BaseConfig, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'membership', 'applications-secret');
}

/**
 * APPLICATIONS_SECRET, or the secret kept in the data folder (created once, mode 0600, linked into
 * place so that processes starting together agree on one).
 */
export function loadApplicationsSecret(
  config: Pick<BaseConfig, 'DATA_DIR'> & Pick<ApplicationsConfig, 'APPLICATIONS_SECRET'>,
): string {
  if (config.APPLICATIONS_SECRET) return config.APPLICATIONS_SECRET;
  const path = applicationsSecretPath(config);
  const read = () => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const existing = read();
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
  return read()!;
}
