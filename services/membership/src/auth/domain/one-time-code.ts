import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a person types: six digits. */
export const SignInCodeInput = z.string().regex(/^\d{6}$/, { message: '6 rakam / 6 digits' });

/** A uniformly random six-digit code. */
export function generateSignInCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * The code at rest: HMAC-SHA256 under a server key, bound to the code's row. A plain hash of six digits
 * would fall to a million guesses; without the server key the table alone does not give the code away.
 */
export function hashSignInCode(key: Buffer, codeId: string, code: string): string {
  return createHmac('sha256', key).update(`${codeId}:${code}`).digest('base64url');
}

export function signInCodeMatches(key: Buffer, codeId: string, code: string, stored: string): boolean {
  const candidate = Buffer.from(hashSignInCode(key, codeId, code), 'base64url');
  const expected = Buffer.from(stored, 'base64url');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
