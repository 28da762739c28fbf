import { Language, Role } from '@konsey/contracts';
import { z } from 'zod';
import { SignInCodeInput } from '../domain/one-time-code.js';
import { NewPassword, PresentedPassword } from '../domain/password-policy.js';
import { RefreshTokenInput } from '../domain/refresh-token.js';
import type { AccountRecord } from '../data/account-repository.js';

const Email = z.email({ message: 'geçerli bir e-posta adresi / a valid e-mail address' }).max(254);

export const PasswordSignInBody = z.strictObject({ email: Email, password: PresentedPassword });
export const CodeRequestBody = z.strictObject({ email: Email, channel: z.enum(['email']).default('email') });
export const CodeSignInBody = z.strictObject({ email: Email, code: SignInCodeInput });
export const RefreshBody = z.strictObject({ refreshToken: RefreshTokenInput });
export const ChangePasswordBody = z.strictObject({
  currentPassword: PresentedPassword.optional(),
  newPassword: NewPassword,
});

export const CreateAccountBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member'),
    memberId: z.uuid(),
    email: Email,
    language: Language.default('tr'),
  }),
  z.strictObject({
    kind: z.literal('staff'),
    email: Email,
    displayName: z.string().trim().min(2).max(200),
    roles: z.array(Role).min(1),
    language: Language.default('tr'),
  }),
]);

export const AccountIdParams = z.strictObject({ accountId: z.uuid() });
export const AccountRoleParams = z.strictObject({ accountId: z.uuid(), role: Role });

export const TokenPairView = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int(),
});

/** An account as staff see it: never the password hash, only whether there is one. */
export const AccountView = z.object({
  id: z.uuid(),
  kind: z.enum(['member', 'staff']),
  memberId: z.uuid().nullable(),
  email: z.string(),
  displayName: z.string().nullable(),
  language: Language,
  roles: z.array(Role),
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;

export const OwnAccountView = AccountView.extend({ subject: z.string(), bodies: z.array(z.string()) });
export type OwnAccountView = z.infer<typeof OwnAccountView>;

export const RevokedSessionsView = z.object({ revokedSessions: z.number().int() });
export const RotatedKeyView = z.object({ kid: z.string(), publishedAt: z.string(), signsFrom: z.string() });

export function toAccountView(account: AccountRecord): AccountView {
  return {
    id: account.id,
    kind: account.kind,
    memberId: account.memberId,
    email: account.email,
    displayName: account.displayName,
    language: account.language,
    roles: account.roles,
    hasPassword: account.passwordHash !== null,
    lockedUntil: account.lockedUntil?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}
