import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import {
  createJwksTokenVerifier,
  createTokenVerifier,
  VERIFIED_TOKEN_TTL_MS,
} from '../src/auth/token-verifier.js';
import { AppError } from '../src/errors/app-error.js';
import { startTestTokenIssuer, type TestTokenIssuer } from '../src/testing/test-token-issuer.js';

/** The verifier refetches on an unknown kid at most once per this cooldown (token-verifier.ts). */
const COOLDOWN_MS = 30_000;

let issuer: TestTokenIssuer;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
});

afterAll(async () => {
  await issuer.close();
});

afterEach(() => {
  jest.useRealTimers();
});

/** Only the wall clock is faked, so the JWKS fetch and its timeouts run on real timers. */
function fakeWallClock(): void {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: [
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
    ],
  });
}

function kidOf(token: string): string {
  const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as {
    kid: string;
  };
  return header.kid;
}

describe('createJwksTokenVerifier', () => {
  it('when a token is verified, then its subject, roles and claims are returned', async () => {
    const verifier = createJwksTokenVerifier(issuer.jwksUrl);
    const token = await issuer.mint({ sub: 'member-7', roles: ['member', 'election-committee'] });

    const auth = await verifier.verify(token);

    expect(auth.subject).toBe('member-7');
    expect(auth.roles).toEqual(['member', 'election-committee']);
    expect(auth.claims).toMatchObject({ iss: 'konsey-membership', aud: 'konsey', lang: 'tr', bodies: [] });
  });

  it('when the keys rotate, then a token with the new kid verifies after one refetch and later ones come from the cache', async () => {
    fakeWallClock();
    const verifier = createJwksTokenVerifier(issuer.jwksUrl);
    const before = issuer.fetches();
    const oldToken = await issuer.mint({ sub: 'member-1', roles: ['member'] });
    await verifier.verify(oldToken);
    expect(issuer.fetches()).toBe(before + 1);

    // Past the refetch cooldown, well within the cache lifetime.
    jest.setSystemTime(Date.now() + COOLDOWN_MS + 1_000);
    await issuer.rotate();
    const newToken = await issuer.mint({ sub: 'member-2', roles: ['member'] });
    expect(kidOf(newToken)).not.toBe(kidOf(oldToken));

    await expect(verifier.verify(newToken)).resolves.toMatchObject({ subject: 'member-2' });
    expect(issuer.fetches()).toBe(before + 2);

    const sameKid = await issuer.mint({ sub: 'member-3', roles: ['member'] });
    expect(kidOf(sameKid)).toBe(kidOf(newToken));
    await expect(verifier.verify(sameKid)).resolves.toMatchObject({ subject: 'member-3' });
    await expect(verifier.verify(oldToken)).resolves.toMatchObject({ subject: 'member-1' });
    expect(issuer.fetches()).toBe(before + 2);
  });

  it('when an unknown kid arrives within the cooldown of the last fetch, then it is rejected as unauthenticated without a refetch', async () => {
    fakeWallClock();
    const verifier = createJwksTokenVerifier(issuer.jwksUrl);
    await verifier.verify(await issuer.mint({ sub: 'member-1', roles: ['member'] }));
    const fetched = issuer.fetches();

    await issuer.rotate();
    const newToken = await issuer.mint({ sub: 'member-2', roles: ['member'] });

    const error = await verifier.verify(newToken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(issuer.fetches()).toBe(fetched);
  });

  it('when a token is expired, then it is rejected as unauthenticated', async () => {
    const verifier = createJwksTokenVerifier(issuer.jwksUrl);
    const expired = await issuer.mint({ sub: 'member-1', roles: ['member'], ttlSeconds: -120 });

    await expect(verifier.verify(expired)).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: expect.stringContaining('ERR_JWT_EXPIRED'),
    });
  });

  it('when a token has been tampered with, then it is rejected as unauthenticated', async () => {
    const verifier = createJwksTokenVerifier(issuer.jwksUrl);
    const token = await issuer.mint({ sub: 'member-1', roles: ['member'] });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['operator'] })).toString('base64url');

    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('when the JWKS cannot be reached, then verification fails as unavailable rather than unauthenticated', async () => {
    const down = await startTestTokenIssuer();
    const token = await down.mint({ sub: 'member-1', roles: ['member'] });
    const url = down.jwksUrl;
    await down.close();
    const verifier = createJwksTokenVerifier(url);

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'unavailable', status: 503 });
  });
});

describe('createTokenVerifier: tokens already verified', () => {
  /** The JWKS key lookup, counted: jose calls it once per signature it checks. */
  function countedKeys(): { keys: JWTVerifyGetKey; checks: () => number } {
    const remote = createRemoteJWKSet(new URL(issuer.jwksUrl));
    let checks = 0;
    return {
      keys: (header, token) => {
        checks += 1;
        return remote(header, token);
      },
      checks: () => checks,
    };
  }

  it('when the same token comes again within the minute, then its signature is not checked again', async () => {
    const { keys, checks } = countedKeys();
    const verifier = createTokenVerifier(keys);
    const token = await issuer.mint({ sub: 'member-1', roles: ['member'] });

    const first = await verifier.verify(token);
    const again = await verifier.verify(token);

    expect(again).toEqual(first);
    expect(checks()).toBe(1);
  });

  it('when a different token of the same member comes, then it is checked on its own', async () => {
    const { keys, checks } = countedKeys();
    const verifier = createTokenVerifier(keys);
    await verifier.verify(await issuer.mint({ sub: 'member-1', roles: ['member'] }));
    const token = await issuer.mint({ sub: 'member-1', roles: ['member', 'operator'] });
    const [header, payload] = token.split('.') as [string, string, string];

    await expect(verifier.verify(`${header}.${payload}.AAAA`)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(checks()).toBe(2);
  });

  it('when a minute has passed since it was verified, then the token is checked again', async () => {
    const { keys, checks } = countedKeys();
    let now = Date.now();
    const verifier = createTokenVerifier(keys, () => now);
    const token = await issuer.mint({ sub: 'member-1', roles: ['member'] });
    await verifier.verify(token);

    now += VERIFIED_TOKEN_TTL_MS + 1;
    await verifier.verify(token);

    expect(checks()).toBe(2);
  });

  it('when a remembered token expires, then it is rejected although it verified before', async () => {
    const { keys } = countedKeys();
    const verifier = createTokenVerifier(keys);
    const token = await issuer.mint({ sub: 'member-1', roles: ['member'], ttlSeconds: 2 });
    await verifier.verify(token);

    fakeWallClock();
    jest.setSystemTime(Date.now() + 10_000);

    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: expect.stringContaining('ERR_JWT_EXPIRED'),
    });
  });
});
