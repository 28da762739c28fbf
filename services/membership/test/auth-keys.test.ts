import { jest } from '@jest/globals';
import { createJwksTokenVerifier } from '@konsey/service-kit';
import { decodeProtectedHeader } from 'jose';
import { DEV_KEY_ENCRYPTION_KEY } from '../src/auth/auth-config.js';
import { bootstrapOperator } from '../src/auth/app/bootstrap-operator.js';
import { createKeyring } from '../src/auth/app/create-keyring.js';
import { KEY_RETENTION_MARGIN_SECONDS } from '../src/auth/domain/key-schedule.js';
import { startAuthService, type AuthTestService } from '../src/auth/testing/start-auth-service.js';

const OPERATOR = { email: 'anahtar-operatoru@konsey.test', password: 'anahtarları döndüren parola' };
const LEAD_SECONDS = 120;
const ACCESS_TTL_SECONDS = 300;

// Only Date is faked: the service's clock and jose's JWKS cooldown (30 s, real Date.now) move together,
// while timers, sockets and the database run in real time.
const REAL_APIS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

describe('membership signing keys, rotation and the JWKS', () => {
  let svc: AuthTestService;
  const later = (seconds: number) => jest.setSystemTime(Date.now() + seconds * 1_000);
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  const signInOperator = async () => {
    const response = await svc.call('POST', '/v1/auth/sign-in', { body: OPERATOR });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };
  const jwksKids = async () => {
    const response = await svc.call('GET', '/.well-known/jwks.json');
    return (response.body.keys as { kid: string }[]).map((key) => key.kid).sort();
  };
  const rotate = async (token: string) => {
    const response = await svc.call('POST', '/v1/auth/keys/rotate', { token });
    expect(response.status).toBe(201);
    return response.body as { kid: string; publishedAt: string; signsFrom: string };
  };

  beforeAll(async () => {
    jest.useFakeTimers({ doNotFake: [...REAL_APIS], advanceTimers: true });
    svc = await startAuthService('auth_keys', {
      AUTH_KEY_PUBLISH_LEAD_SECONDS: String(LEAD_SECONDS),
      AUTH_ACCESS_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
    });
    await bootstrapOperator({
      prisma: svc.prisma,
      config: { AUTH_SCRYPT_LOG_N: 15 },
      displayName: 'Operatör',
      ...OPERATOR,
    });
  });
  afterAll(async () => {
    await svc?.stop();
    jest.useRealTimers();
  });

  it('publishes its key without the private half, and keeps the private half sealed at rest', async () => {
    const response = await svc.call('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys).toHaveLength(1);
    expect(response.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(response.body.keys[0]).not.toHaveProperty('d');
    const [row] = await svc.prisma.signingKey.findMany();
    expect(row!.privateJwk).toMatch(/^v1\./);
    expect(row!.privateJwk).not.toMatch(/"d"|"kty"/);
  });

  it('when keys rotate, then the new key is published before it signs, old tokens still verify, and the old key leaves once its tokens have expired', async () => {
    const before = await signInOperator();
    const oldKid = kidOf(before);
    expect((await svc.call('POST', '/v1/auth/keys/rotate', { token: 'not-a-token' })).status).toBe(401);
    const rotated = await rotate(before);
    expect(new Date(rotated.signsFrom).getTime() - new Date(rotated.publishedAt).getTime()).toBe(
      LEAD_SECONDS * 1_000,
    );
    expect(await jwksKids()).toEqual([oldKid, rotated.kid].sort());
    expect(kidOf(await signInOperator())).toBe(oldKid);

    later(LEAD_SECONDS + 1);
    const after = await signInOperator();
    expect(kidOf(after)).toBe(rotated.kid);
    expect((await svc.call('GET', '/v1/auth/me', { token: before })).status).toBe(200);
    expect((await svc.call('GET', '/v1/auth/me', { token: after })).status).toBe(200);

    // Now one second past the new key's start; the old key stays for the access TTL plus the margin.
    later(ACCESS_TTL_SECONDS + KEY_RETENTION_MARGIN_SECONDS - 5);
    expect(await jwksKids()).toEqual([oldKid, rotated.kid].sort());
    later(10);
    expect(await jwksKids()).toEqual([rotated.kid]);
    const audit = await svc.prisma.auditEntry.findMany({ where: { action: 'signing-key.rotated' } });
    expect(audit.map((entry) => entry.subjectId)).toContain(rotated.kid);

    // The next rotation forgets the private half of keys that no longer sign.
    await rotate(await signInOperator());
    const old = await svc.prisma.signingKey.findUnique({ where: { kid: oldKid! } });
    expect(old!.privateJwk).toBeNull();
    later(LEAD_SECONDS + 1);
  });

  it('when another service verifies through the JWKS over HTTP, then tokens verify before, right after and after a rotation', async () => {
    const elections = createJwksTokenVerifier(`${svc.url}/.well-known/jwks.json`);
    const first = await signInOperator();
    expect((await elections.verify(first)).roles).toEqual(['operator', 'staff']);

    const rotated = await rotate(first);
    const rightAfter = await signInOperator();
    expect(kidOf(rightAfter)).not.toBe(rotated.kid);
    expect((await elections.verify(rightAfter)).subject).toBe((await elections.verify(first)).subject);

    // The new key signs only after the lead, longer than the verifier's 30 s cooldown: its cached JWKS
    // lacks the new kid, and it may fetch again, so the fresh token is never refused.
    later(LEAD_SECONDS + 1);
    const fresh = await signInOperator();
    expect(kidOf(fresh)).toBe(rotated.kid);
    expect((await elections.verify(fresh)).subject).toBe((await elections.verify(first)).subject);
    expect((await elections.verify(first)).subject).toBeDefined();

    const motions = createJwksTokenVerifier(`${svc.url}/.well-known/jwks.json`);
    await expect(motions.verify(first)).resolves.toBeDefined();
    await expect(motions.verify(fresh)).resolves.toBeDefined();
    await expect(motions.verify(`${fresh.slice(0, -4)}AAAA`)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('when a new key signed at once (no lead), then a verifier that fetched the JWKS moments ago would refuse its tokens: why the lead exists', async () => {
    const verifier = createJwksTokenVerifier(`${svc.url}/.well-known/jwks.json`);
    await verifier.verify(await signInOperator());
    const hasty = createKeyring({
      prisma: svc.prisma,
      config: {
        NODE_ENV: 'test',
        AUTH_ACCESS_TTL_SECONDS: 300,
        AUTH_KEY_PUBLISH_LEAD_SECONDS: 0,
        AUTH_KEY_ENCRYPTION_KEY: DEV_KEY_ENCRYPTION_KEY,
      },
    });
    const rotated = await hasty.rotate();
    const token = await hasty.sign({ sub: 'someone', roles: ['member'] });
    expect(kidOf(token)).toBe(rotated.kid);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
    later(31);
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'someone' });
  });

  it('when the development sealing key is given in production, then the keyring refuses to start', () => {
    const config = {
      NODE_ENV: 'production' as const,
      AUTH_ACCESS_TTL_SECONDS: 300,
      AUTH_KEY_PUBLISH_LEAD_SECONDS: 120,
      AUTH_KEY_ENCRYPTION_KEY: DEV_KEY_ENCRYPTION_KEY,
    };
    expect(() => createKeyring({ prisma: svc.prisma, config })).toThrow(/AUTH_KEY_ENCRYPTION_KEY/);
  });
});
