import { addSeconds } from './clock.js';

/** When a signing key is published, signs, and stops signing. */
export interface ScheduledKey {
  kid: string;
  publishedAt: Date;
  signsFrom: Date;
  retiresAt: Date | null;
}

/**
 * Extra time a retired key stays published beyond the access-token lifetime: the verifiers' clock
 * tolerance, the JWKS's HTTP max-age and clock skew between machines.
 */
export const KEY_RETENTION_MARGIN_SECONDS = 300;

/** The key that signs at `now`: the one that started signing last. */
export function signingKeyAt<K extends ScheduledKey>(keys: readonly K[], now: Date): K | undefined {
  return keys
    .filter((key) => key.signsFrom <= now && (key.retiresAt === null || key.retiresAt > now))
    .sort((a, b) => b.signsFrom.getTime() - a.signsFrom.getTime())[0];
}

/**
 * Keys in the JWKS at `now`: published ones, until every token a retired key signed has expired
 * (retirement + access-token lifetime + margin). A key published before it signs lets verifiers that
 * cache the JWKS learn it before they meet a token signed with it.
 */
export function publishedKeysAt<K extends ScheduledKey>(
  keys: readonly K[],
  now: Date,
  accessTtlSeconds: number,
): K[] {
  return keys.filter(
    (key) =>
      key.publishedAt <= now &&
      (key.retiresAt === null ||
        addSeconds(key.retiresAt, accessTtlSeconds + KEY_RETENTION_MARGIN_SECONDS) > now),
  );
}

/** A key whose private half is no longer needed: it has stopped signing. */
export function hasRetired(key: ScheduledKey, now: Date): boolean {
  return key.retiresAt !== null && key.retiresAt <= now;
}
