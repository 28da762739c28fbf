import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * What a new password must be: long enough (NIST SP 800-63B: length over composition rules), not one
 * character repeated. Counted in characters, not bytes, so Turkish letters count once.
 */
export const NewPassword = z
  .string()
  .refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, {
    message: `en az ${PASSWORD_MIN_LENGTH} karakter / at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  .refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, {
    message: `en çok ${PASSWORD_MAX_LENGTH} karakter / at most ${PASSWORD_MAX_LENGTH} characters`,
  })
  .refine((value) => new Set(value).size > 2, {
    message: 'aynı karakterin tekrarı olamaz / must not be one character repeated',
  });

/** A password presented at sign-in: checked only for size, so that nothing about the policy leaks. */
export const PresentedPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

/** The same password as the e-mail (or its local part) is refused. */
export function passwordRepeatsEmail(password: string, email: string): boolean {
  const lowered = password.toLowerCase();
  return lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0];
}
