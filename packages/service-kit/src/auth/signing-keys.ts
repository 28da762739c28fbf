import { randomUUID, type webcrypto } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Language, type Role } from '@konsey/contracts';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

type CryptoKey = webcrypto.CryptoKey;

/** An asymmetric key that signs tokens; only its public half is ever published. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function generateSigningKey(): Promise<{ key: SigningKey; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { key: { kid, privateKey: privateKey as CryptoKey, publicJwk }, privateJwk };
}

/** Load the signing key kept in the data folder, or create it there (mode 0600) on first start. */
export async function loadOrCreateSigningKey(path: string): Promise<SigningKey> {
  const existing = await readSigningKey(path);
  if (existing) return existing;
  const { key, privateJwk } = await generateSigningKey();
  await mkdir(dirname(path), { recursive: true });
  // Written aside, then linked into place: a process starting at the same time either wins the link
  // or reads the complete key the other one wrote.
  const aside = `${path}.${process.pid}.tmp`;
  await writeFile(aside, JSON.stringify(privateJwk), { mode: 0o600 });
  try {
    await link(aside, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readSigningKey(path))!;
  } finally {
    await unlink(aside);
  }
}

async function readSigningKey(path: string): Promise<SigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const privateJwk = JSON.parse(text) as JWK & { kid: string };
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  const { d: _private, ...publicJwk } = privateJwk;
  return { kid: privateJwk.kid, privateKey, publicJwk };
}

export interface TokenSubject {
  sub: string;
  roles: readonly Role[];
  bodies?: readonly string[];
  lang?: Language;
  /** Lifetime in seconds; short by design. */
  ttlSeconds?: number;
}

export async function signToken(key: SigningKey, subject: TokenSubject): Promise<string> {
  return new SignJWT({
    roles: [...subject.roles],
    bodies: [...(subject.bodies ?? [])],
    lang: subject.lang ?? 'tr',
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject.sub)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${subject.ttlSeconds ?? 900}s`)
    .sign(key.privateKey);
}

export function jwksDocument(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}
