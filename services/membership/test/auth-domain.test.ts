import { afterFailedSignIn, afterSuccessfulSignIn, isLocked } from '../src/auth/domain/lockout.js';
import {
  hashPassword,
  needsRehash,
  scryptParameters,
  verifyPassword,
} from '../src/auth/domain/password-hash.js';
import { NewPassword, passwordRepeatsEmail } from '../src/auth/domain/password-policy.js';
import { generateSignInCode, hashSignInCode, signInCodeMatches } from '../src/auth/domain/one-time-code.js';
import { hashRefreshToken, newRefreshToken, RefreshTokenInput } from '../src/auth/domain/refresh-token.js';
import { deriveKey, openSecret, sealSecret } from '../src/auth/domain/key-encryption.js';
import {
  publishedKeysAt,
  signingKeyAt,
  KEY_RETENTION_MARGIN_SECONDS,
} from '../src/auth/domain/key-schedule.js';
import { mayChangeRole } from '../src/auth/domain/role-policy.js';
import { addSeconds } from '../src/auth/domain/clock.js';

const fast = scryptParameters(10);

describe('auth domain rules', () => {
  it('when a password is hashed, then salt and parameters travel with it, and only the same password verifies', async () => {
    const first = await hashPassword('doğru parola 123', fast);
    const second = await hashPassword('doğru parola 123', fast);
    expect(first).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('doğru parola 123', first)).toBe(true);
    expect(await verifyPassword('doğru parola 124', first)).toBe(false);
    expect(await verifyPassword('doğru parola 123', 'bcrypt$whatever')).toBe(false);
    expect(needsRehash(first, scryptParameters(15))).toBe(true);
    expect(needsRehash(first, fast)).toBe(false);
  });

  it('when a new password is short, one repeated character or the e-mail, then it is refused', () => {
    expect(NewPassword.safeParse('kısa').success).toBe(false);
    expect(NewPassword.safeParse('aaaaaaaaaaaa').success).toBe(false);
    expect(NewPassword.safeParse('çok uzun ve iyi bir parola').success).toBe(true);
    expect(passwordRepeatsEmail('Ayse.Yilmaz', 'ayse.yilmaz@example.org')).toBe(true);
  });

  it('when failures reach the threshold, then the account locks for the window, and a passed lockout counts afresh', () => {
    const policy = { threshold: 3, lockSeconds: 900 };
    const now = new Date('2026-11-29T10:00:00Z');
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    state = afterFailedSignIn(state, policy, now);
    state = afterFailedSignIn(state, policy, now);
    expect(isLocked(state, now)).toBe(false);
    state = afterFailedSignIn(state, policy, now);
    expect(state.lockedUntil).toEqual(addSeconds(now, 900));
    expect(isLocked(state, addSeconds(now, 899))).toBe(true);
    expect(isLocked(state, addSeconds(now, 900))).toBe(false);
    expect(afterFailedSignIn(state, policy, addSeconds(now, 901))).toEqual({
      failedSignIns: 1,
      lockedUntil: null,
    });
    expect(afterSuccessfulSignIn).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it('when a code is made, then it is six digits and its hash depends on the server key and the code row', () => {
    const codes = new Set(Array.from({ length: 200 }, generateSignInCode));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
    const key = deriveKey(Buffer.alloc(32, 1), 'sign-in codes');
    const hash = hashSignInCode(key, 'row-1', '012345');
    expect(hash).not.toContain('012345');
    expect(signInCodeMatches(key, 'row-1', '012345', hash)).toBe(true);
    expect(signInCodeMatches(key, 'row-2', '012345', hash)).toBe(false);
    expect(signInCodeMatches(deriveKey(Buffer.alloc(32, 2), 'sign-in codes'), 'row-1', '012345', hash)).toBe(
      false,
    );
  });

  it('when a refresh token is made, then it is 256 random bits and only its SHA-256 is kept', () => {
    const { token, hash } = newRefreshToken();
    expect(RefreshTokenInput.safeParse(token).success).toBe(true);
    expect(hashRefreshToken(token)).toBe(hash);
    expect(hash).not.toBe(token);
  });

  it('when a secret is sealed, then it opens only with the same key and context', () => {
    const key = deriveKey(Buffer.alloc(32, 7), 'signing keys');
    const sealed = sealSecret(key, '{"d":"secret"}', 'kid-1');
    expect(sealed).not.toContain('secret');
    expect(openSecret(key, sealed, 'kid-1')).toBe('{"d":"secret"}');
    expect(() => openSecret(key, sealed, 'kid-2')).toThrow();
    expect(() => openSecret(deriveKey(Buffer.alloc(32, 8), 'signing keys'), sealed, 'kid-1')).toThrow(
      /different AUTH_KEY_ENCRYPTION_KEY/,
    );
  });

  it('when a key is rotated, then the new one is published first, signs from its start, and the old one stays until its tokens expire', () => {
    const t0 = new Date('2026-11-29T10:00:00Z');
    const rotation = addSeconds(t0, 3_600);
    const signsFrom = addSeconds(rotation, 120);
    const keys = [
      { kid: 'old', publishedAt: t0, signsFrom: t0, retiresAt: signsFrom },
      { kid: 'new', publishedAt: rotation, signsFrom, retiresAt: null },
    ];
    expect(signingKeyAt(keys, addSeconds(rotation, 1))?.kid).toBe('old');
    expect(publishedKeysAt(keys, addSeconds(rotation, 1), 300).map((k) => k.kid)).toEqual(['old', 'new']);
    expect(signingKeyAt(keys, signsFrom)?.kid).toBe('new');
    const lastOldToken = addSeconds(signsFrom, 300 + KEY_RETENTION_MARGIN_SECONDS);
    expect(publishedKeysAt(keys, addSeconds(lastOldToken, -1), 300).map((k) => k.kid)).toEqual([
      'old',
      'new',
    ]);
    expect(publishedKeysAt(keys, lastOldToken, 300).map((k) => k.kid)).toEqual(['new']);
  });

  it('when roles change hands, then staff handle member and committee roles and only operators handle staff and operator', () => {
    expect(mayChangeRole(['staff'], 'election-committee')).toBe(true);
    expect(mayChangeRole(['staff'], 'operator')).toBe(false);
    expect(mayChangeRole(['staff'], 'staff')).toBe(false);
    expect(mayChangeRole(['operator'], 'operator')).toBe(true);
    expect(mayChangeRole(['member'], 'member')).toBe(false);
  });
});
