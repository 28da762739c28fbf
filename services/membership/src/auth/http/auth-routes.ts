import { Role } from '@konsey/contracts';
import { defineRoute, type AnyRoute, type ServiceDependencies } from '@konsey/service-kit';
import type { MembershipPrisma } from '../../membership-prisma.js';
import '../auth-errors.js';
import type { AuthConfig } from '../auth-config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { AuthServices } from '../app/auth-services.js';
import { changeAccountRole } from '../app/change-account-role.js';
import { changePassword } from '../app/change-password.js';
import { createAccount } from '../app/create-account.js';
import { keyringFor, type Keyring } from '../app/create-keyring.js';
import { findAccountById } from '../data/account-repository.js';
import { refreshSession } from '../app/refresh-session.js';
import { requestSignInCode } from '../app/request-sign-in-code.js';
import { revokeSessions } from '../app/revoke-sessions.js';
import { showOwnAccount } from '../app/show-own-account.js';
import { outboxCodeSender, type SignInCodeSender } from '../app/sign-in-code-sender.js';
import { signInWithCode } from '../app/sign-in-with-code.js';
import { signInWithPassword } from '../app/sign-in-with-password.js';
import { signOut } from '../app/sign-out.js';
import { AppError } from '@konsey/service-kit';
import {
  AccountIdParams,
  AccountRoleParams,
  AccountView,
  ChangePasswordBody,
  CodeRequestBody,
  CodeSignInBody,
  CreateAccountBody,
  OwnAccountView,
  PasswordSignInBody,
  RefreshBody,
  RevokedSessionsView,
  RotatedKeyView,
  TokenPairView,
  toAccountView,
} from './auth-schemas.js';

export interface AuthRouteOptions {
  /** Defaults to the service's shared keyring (`keyringFor(deps)`). */
  keyring?: Keyring;
  clock?: Clock;
  /** Defaults to recording delivery requests in `sign_in_code_deliveries`. */
  codeSender?: SignInCodeSender;
}

const ANY_ROLE = Role.options;
const STAFF: readonly Role[] = ['staff', 'operator'];
const noStore = { 'Cache-Control': 'no-store' };

/** Sign-in, tokens, the caller's own account, and staff's account administration. */
export function authRoutes(
  deps: ServiceDependencies<MembershipPrisma, AuthConfig>,
  options: AuthRouteOptions = {},
): AnyRoute[] {
  const clock = options.clock ?? systemClock;
  const services: AuthServices = {
    prisma: deps.prisma,
    config: deps.config,
    keyring: options.keyring ?? keyringFor(deps, clock),
    clock,
    codeSender: options.codeSender ?? outboxCodeSender,
  };
  const tags = ['auth'];
  const accountTags = ['accounts'];
  return [
    defineRoute({
      method: 'post',
      path: '/v1/auth/sign-in',
      summary: 'E-posta ve parolayla giriş / Sign in with e-mail and password',
      tags,
      access: 'public',
      request: { body: PasswordSignInBody },
      responses: {
        200: {
          description: 'Erişim ve yenileme belirteçleri / Access and refresh tokens',
          schema: TokenPairView,
        },
      },
      handler: async ({ body }) => ({
        status: 200,
        body: await signInWithPassword(services, body),
        headers: noStore,
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/code-requests',
      summary: 'Tek kullanımlık giriş kodu iste / Request a one-time sign-in code',
      tags,
      access: 'public',
      request: { body: CodeRequestBody },
      responses: {
        202: { description: 'Hesap varsa kod gönderilir / A code is sent if the account exists' },
      },
      handler: async ({ body }) => {
        await requestSignInCode(services, body);
        return { status: 202 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/sign-in/code',
      summary: 'Tek kullanımlık kodla giriş / Sign in with a one-time code',
      tags,
      access: 'public',
      request: { body: CodeSignInBody },
      responses: {
        200: {
          description: 'Erişim ve yenileme belirteçleri / Access and refresh tokens',
          schema: TokenPairView,
        },
      },
      handler: async ({ body }) => ({
        status: 200,
        body: await signInWithCode(services, body),
        headers: noStore,
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/refresh',
      summary:
        'Oturumu yenile (yenileme belirteci her kullanımda değişir) / Refresh (the refresh token rotates)',
      tags,
      access: 'public',
      request: { body: RefreshBody },
      responses: { 200: { description: 'Yeni belirteçler / New tokens', schema: TokenPairView } },
      handler: async ({ body }) => ({
        status: 200,
        body: await refreshSession(services, body.refreshToken),
        headers: noStore,
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/sign-out',
      summary: 'Oturumu kapat / Sign out',
      tags,
      access: 'public',
      request: { body: RefreshBody },
      responses: { 204: { description: 'Oturum kapatıldı / Signed out' } },
      handler: async ({ body }) => {
        await signOut(services, body.refreshToken);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/auth/me',
      summary: 'Kendi hesabım / My account',
      tags,
      access: { anyOf: ANY_ROLE },
      responses: { 200: { description: 'Hesap / Account', schema: OwnAccountView } },
      handler: async ({ auth }) => {
        const { account, bodies } = await showOwnAccount(services, auth.subject);
        return { status: 200, body: { ...toAccountView(account), subject: auth.subject, bodies } };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/auth/password',
      summary: 'Parola belirle veya değiştir (varsa mevcut parola gerekir) / Set or change the password',
      tags,
      access: { anyOf: ANY_ROLE },
      request: { body: ChangePasswordBody },
      responses: {
        200: {
          description: 'Diğer oturumlar kapatıldı; yeni belirteçler / Other sessions ended; new tokens',
          schema: TokenPairView,
        },
      },
      handler: async ({ body, auth }) => ({
        status: 200,
        body: await changePassword(services, { subject: auth.subject, ...body }),
        headers: noStore,
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/auth/keys/rotate',
      summary: 'İmza anahtarını yenile / Rotate the token signing key',
      tags,
      access: { anyOf: ['operator'] },
      responses: {
        201: { description: 'Yayımlanan yeni anahtar / The new key, published now', schema: RotatedKeyView },
      },
      handler: async ({ auth }) => {
        const key = await services.keyring.rotate({ actor: auth.subject });
        return {
          status: 201,
          body: {
            kid: key.kid,
            publishedAt: key.publishedAt.toISOString(),
            signsFrom: key.signsFrom.toISOString(),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/accounts',
      summary: 'Üye veya personel hesabı aç / Open a member or staff account',
      tags: accountTags,
      access: { anyOf: STAFF },
      request: { body: CreateAccountBody },
      responses: { 201: { description: 'Hesap / Account', schema: AccountView } },
      handler: async ({ body, auth, req }) => {
        const account = await createAccount(services, {
          actor: auth.subject,
          actorRoles: auth.roles,
          account: body,
        });
        return {
          status: 201,
          body: toAccountView(account),
          headers: { Location: `${req.baseUrl}/v1/accounts/${account.id}` },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/accounts/:accountId',
      summary: 'Hesabı göster / Show an account',
      tags: accountTags,
      access: { anyOf: STAFF },
      request: { params: AccountIdParams },
      responses: { 200: { description: 'Hesap / Account', schema: AccountView } },
      handler: async ({ params }) => {
        const account = await findAccountById(deps.prisma, params.accountId);
        if (!account) throw new AppError('not-found', { detail: `account ${params.accountId}` });
        return { status: 200, body: toAccountView(account) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/accounts/:accountId/roles/:role',
      summary: 'Rol ver / Grant a role',
      tags: accountTags,
      access: { anyOf: STAFF },
      request: { params: AccountRoleParams },
      responses: { 200: { description: 'Hesap / Account', schema: AccountView } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: toAccountView(
          await changeAccountRole(services, {
            actor: auth.subject,
            actorRoles: auth.roles,
            ...params,
            change: 'grant',
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/accounts/:accountId/roles/:role',
      summary: 'Rolü geri al / Withdraw a role',
      tags: accountTags,
      access: { anyOf: STAFF },
      request: { params: AccountRoleParams },
      responses: { 200: { description: 'Hesap / Account', schema: AccountView } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: toAccountView(
          await changeAccountRole(services, {
            actor: auth.subject,
            actorRoles: auth.roles,
            ...params,
            change: 'withdraw',
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/accounts/:accountId/sessions',
      summary: 'Hesabın tüm oturumlarını kapat / End every session of an account',
      tags: accountTags,
      access: { anyOf: STAFF },
      request: { params: AccountIdParams },
      responses: {
        200: { description: 'Kapatılan oturumlar / Sessions ended', schema: RevokedSessionsView },
      },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await revokeSessions(services, { actor: auth.subject, accountId: params.accountId }),
      }),
    }),
  ];
}
