import type { webcrypto } from 'node:crypto';
import {
  ConfigError,
  createTokenVerifier,
  generateSigningKey,
  signToken,
  type SigningKey,
  type TokenSubject,
  type TokenVerifier,
} from '@konsey/service-kit';
import { Router } from 'express';
import { errors, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import { recordAudit } from '../../data/member-repository.js';
import type { MembershipPrisma } from '../../membership-prisma.js';
import { DEV_KEY_ENCRYPTION_KEY, type AuthConfig } from '../auth-config.js';
import { addSeconds, systemClock, type Clock } from '../domain/clock.js';
import { deriveKey, openSecret, sealSecret } from '../domain/key-encryption.js';
import { publishedKeysAt, signingKeyAt } from '../domain/key-schedule.js';
import {
  clearRetiredPrivateKeys,
  insertSigningKey,
  listSigningKeys,
  lockSigningKeys,
  retireKeysAt,
  type StoredSigningKey,
} from '../data/signing-key-repository.js';

type CryptoKey = webcrypto.CryptoKey;

export type KeyringConfig = Pick<
  AuthConfig,
  'NODE_ENV' | 'AUTH_ACCESS_TTL_SECONDS' | 'AUTH_KEY_PUBLISH_LEAD_SECONDS' | 'AUTH_KEY_ENCRYPTION_KEY'
>;

export interface KeyringOptions {
  prisma: MembershipPrisma;
  config: KeyringConfig;
  clock?: Clock;
}

export interface RotatedKey {
  kid: string;
  publishedAt: Date;
  signsFrom: Date;
}

/** Membership's signing keys, kept in the database: sign, verify, publish, rotate. */
export interface Keyring {
  /** Verifies tokens against the keys published now (membership's own routes). */
  verifier: TokenVerifier;
  /** Serves `/.well-known/jwks.json`. */
  jwksRouter: Router;
  /** Sign an access token with the key that signs now; lifetime AUTH_ACCESS_TTL_SECONDS unless given. */
  sign(subject: TokenSubject): Promise<string>;
  /**
   * Publish a new key now; it signs from AUTH_KEY_PUBLISH_LEAD_SECONDS later, and the current key stops
   * signing then but stays published until its last token has expired.
   */
  rotate(options?: { actor?: string }): Promise<RotatedKey>;
  /** The public keys published now. */
  jwks(): Promise<{ keys: JWK[] }>;
}

/** How long the key list is trusted before it is read again (by the keyring's clock). */
const KEY_CACHE_MS = 10_000;
/** At most one reload per second when a token names an unknown key. */
const UNKNOWN_KID_RELOAD_MS = 1_000;
/** Cache-Control max-age of the JWKS; AUTH_KEY_PUBLISH_LEAD_SECONDS must exceed it plus the verifiers' cooldown. */
export const JWKS_MAX_AGE_SECONDS = 60;

export function createKeyring(options: KeyringOptions): Keyring {
  const { prisma, config } = options;
  const clock = options.clock ?? systemClock;
  if (config.NODE_ENV === 'production' && config.AUTH_KEY_ENCRYPTION_KEY === DEV_KEY_ENCRYPTION_KEY) {
    throw new ConfigError('membership', [
      'AUTH_KEY_ENCRYPTION_KEY: the development key cannot seal signing keys in production; set 32 random bytes in base64 (e.g. `openssl rand -base64 32`), ideally from a secret store',
    ]);
  }
  const sealingKey = deriveKey(Buffer.from(config.AUTH_KEY_ENCRYPTION_KEY, 'base64'), 'signing keys');

  let cached: { keys: StoredSigningKey[]; at: number } | undefined;
  let loading: Promise<StoredSigningKey[]> | undefined;
  let lastUnknownKidReload = 0;
  const privateKeys = new Map<string, Promise<CryptoKey>>();
  const publicKeys = new Map<string, Promise<CryptoKey>>();

  async function load(): Promise<StoredSigningKey[]> {
    let keys = await listSigningKeys(prisma);
    if (keys.length === 0) {
      keys = await prisma.$transaction(async (tx) => {
        await lockSigningKeys(tx);
        if ((await listSigningKeys(tx)).length === 0) {
          const now = clock();
          await storeNewKey(tx, now, now);
        }
        return listSigningKeys(tx);
      });
    }
    cached = { keys, at: clock().getTime() };
    return keys;
  }

  function reload(): Promise<StoredSigningKey[]> {
    loading ??= load().finally(() => (loading = undefined));
    return loading;
  }

  async function keys(): Promise<StoredSigningKey[]> {
    if (cached && clock().getTime() - cached.at < KEY_CACHE_MS) return cached.keys;
    return reload();
  }

  async function storeNewKey(
    tx: Parameters<typeof lockSigningKeys>[0],
    publishedAt: Date,
    signsFrom: Date,
  ): Promise<string> {
    const { key, privateJwk } = await generateSigningKey();
    await insertSigningKey(tx, {
      kid: key.kid,
      publicJwk: key.publicJwk,
      sealedPrivateJwk: sealSecret(sealingKey, JSON.stringify(privateJwk), key.kid),
      publishedAt,
      signsFrom,
    });
    return key.kid;
  }

  function privateKeyOf(key: StoredSigningKey): Promise<CryptoKey> {
    let imported = privateKeys.get(key.kid);
    if (!imported) {
      if (!key.sealedPrivateJwk)
        throw new Error(`signing key ${key.kid} has retired; its private half is gone`);
      const jwk = JSON.parse(openSecret(sealingKey, key.sealedPrivateJwk, key.kid)) as JWK;
      imported = importJWK(jwk, 'ES256') as Promise<CryptoKey>;
      privateKeys.set(key.kid, imported);
    }
    return imported;
  }

  function publicKeyOf(key: StoredSigningKey): Promise<CryptoKey> {
    let imported = publicKeys.get(key.kid);
    if (!imported) {
      imported = importJWK(key.publicJwk, 'ES256') as Promise<CryptoKey>;
      publicKeys.set(key.kid, imported);
    }
    return imported;
  }

  const published = async () => publishedKeysAt(await keys(), clock(), config.AUTH_ACCESS_TTL_SECONDS);

  const getKey: JWTVerifyGetKey = async (header) => {
    const find = (list: StoredSigningKey[]) => list.find((key) => key.kid === header.kid);
    let key = find(await published());
    if (!key && Date.now() - lastUnknownKidReload > UNKNOWN_KID_RELOAD_MS) {
      lastUnknownKidReload = Date.now();
      await reload();
      key = find(await published());
    }
    if (!key) throw new errors.JWKSNoMatchingKey();
    return publicKeyOf(key);
  };

  const jwks = async () => ({ keys: (await published()).map((key) => key.publicJwk) });

  const jwksRouter = Router();
  jwksRouter.get('/.well-known/jwks.json', async (_req, res) => {
    const document = await jwks();
    res.setHeader('Cache-Control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
    res.json(document);
  });

  return {
    verifier: createTokenVerifier(getKey),
    jwksRouter,
    jwks,
    async sign(subject) {
      let key = signingKeyAt(await keys(), clock());
      if (!key) key = signingKeyAt(await reload(), clock());
      if (!key) throw new Error('no signing key signs now');
      const signing: SigningKey = {
        kid: key.kid,
        privateKey: await privateKeyOf(key),
        publicJwk: key.publicJwk,
      };
      return signToken(signing, {
        ...subject,
        ttlSeconds: subject.ttlSeconds ?? config.AUTH_ACCESS_TTL_SECONDS,
      });
    },
    async rotate(rotation = {}) {
      const rotated = await prisma.$transaction(async (tx) => {
        await lockSigningKeys(tx);
        if ((await listSigningKeys(tx)).length === 0) await storeNewKey(tx, clock(), clock());
        const now = clock();
        const signsFrom = addSeconds(now, config.AUTH_KEY_PUBLISH_LEAD_SECONDS);
        await retireKeysAt(tx, signsFrom);
        const kid = await storeNewKey(tx, now, signsFrom);
        await clearRetiredPrivateKeys(tx, now);
        if (rotation.actor) {
          await recordAudit(tx, {
            actor: rotation.actor,
            action: 'signing-key.rotated',
            subjectId: kid,
            details: { publishedAt: now.toISOString(), signsFrom: signsFrom.toISOString() },
          });
        }
        return { kid, publishedAt: now, signsFrom };
      });
      await reload();
      return rotated;
    },
  };
}

const keyrings = new WeakMap<object, Keyring>();

/**
 * The one keyring of a running service (per Prisma client), so that its routes, its verifier and its
 * JWKS router share keys and caches.
 */
export function keyringFor(
  deps: { prisma: MembershipPrisma; config: KeyringConfig },
  clock?: Clock,
): Keyring {
  let keyring = keyrings.get(deps.prisma);
  if (!keyring) {
    keyring = createKeyring({ prisma: deps.prisma, config: deps.config, ...(clock ? { clock } : {}) });
    keyrings.set(deps.prisma, keyring);
  }
  return keyring;
}
