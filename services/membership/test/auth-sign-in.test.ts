import { randomUUID } from 'node:crypto';
import { TokenClaims } from '@konsey/contracts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { passwordParameters } from '../src/auth/app/auth-services.js';
import { bootstrapOperator } from '../src/auth/app/bootstrap-operator.js';
import { standInHash } from '../src/auth/app/sign-in-with-password.js';
import {
  startAuthService,
  type AuthTestService,
  type CallResult,
} from '../src/auth/testing/start-auth-service.js';

const OPERATOR = { email: 'operator@konsey.test', password: 'operatörün uzun parolası' };
const PASSWORD = 'üyenin güçlü parolası 42';

describe('membership sign-in and tokens', () => {
  let svc: AuthTestService;
  let operator: string;
  let serial = 0;
  const passwordsUsed = new Set<string>([OPERATOR.password, PASSWORD]);

  const signIn = (email: string, password: string) =>
    svc.call('POST', '/v1/auth/sign-in', { body: { email, password } });
  const requestCode = (email: string) => svc.call('POST', '/v1/auth/code-requests', { body: { email } });
  const codeSignIn = (email: string, code: string) =>
    svc.call('POST', '/v1/auth/sign-in/code', { body: { email, code } });
  const refresh = (refreshToken: string) => svc.call('POST', '/v1/auth/refresh', { body: { refreshToken } });
  const wrongCode = (code: string) => ((Number(code) + 1) % 1_000_000).toString().padStart(6, '0');
  /** A problem without what differs on every response. */
  const sameness = (response: CallResult) => {
    const { traceId: _traceId, instance: _instance, ...rest } = response.body;
    return { status: response.status, body: rest };
  };

  /** A member (or staff) account opened by the operator; with a password set through a first code sign-in. */
  async function openAccount(
    options: { kind?: 'member' | 'staff'; roles?: string[]; password?: string } = {},
  ) {
    serial += 1;
    const email = `kisi-${serial}-${randomUUID().slice(0, 8)}@konsey.test`;
    let body;
    let memberId: string | undefined;
    if (options.kind === 'staff') {
      body = { kind: 'staff', email, displayName: `Personel ${serial}`, roles: options.roles ?? ['staff'] };
    } else {
      memberId = randomUUID();
      await svc.prisma.member.create({
        data: {
          id: memberId,
          kind: 'individual',
          displayName: `Üye ${serial}`,
          gender: 'female',
          admittedAt: new Date(),
        },
      });
      body = { kind: 'member', memberId, email };
    }
    const created = await svc.call('POST', '/v1/accounts', { token: operator, body });
    expect(created.status).toBe(201);
    const accountId = created.body.id as string;
    if (options.password) {
      await requestCode(email);
      const first = await codeSignIn(email, svc.codes.lastCode(accountId)!);
      expect(first.status).toBe(200);
      const set = await svc.call('PUT', '/v1/auth/password', {
        token: first.body.accessToken,
        body: { newPassword: options.password },
      });
      expect(set.status).toBe(200);
    }
    return { email, accountId, memberId };
  }

  beforeAll(async () => {
    svc = await startAuthService('auth_sign_in', { AUTH_CODE_MAX_ATTEMPTS: '3' });
    const created = await bootstrapOperator({
      prisma: svc.prisma,
      config: { AUTH_SCRYPT_LOG_N: 15 },
      displayName: 'İlk Operatör',
      ...OPERATOR,
    });
    expect(created.created).toBe(true);
    const signedIn = await signIn(OPERATOR.email, OPERATOR.password);
    expect(signedIn.status).toBe(200);
    operator = signedIn.body.accessToken;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when a member signs in with the right password, then a short-lived ES256 token with Konsey claims and a refresh token are returned', async () => {
    const { email, memberId, accountId } = await openAccount({ password: PASSWORD });
    const response = await signIn(email.toUpperCase(), PASSWORD);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'refreshExpiresIn',
      'refreshToken',
      'tokenType',
    ]);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 300,
      refreshExpiresIn: 14 * 86_400,
    });
    expect(decodeProtectedHeader(response.body.accessToken)).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const claims = TokenClaims.parse(decodeJwt(response.body.accessToken));
    expect(claims).toMatchObject({
      iss: 'konsey-membership',
      aud: 'konsey',
      sub: memberId,
      roles: ['member'],
      bodies: [],
      lang: 'tr',
    });
    expect(claims.exp - claims.iat).toBe(300);
    const me = await svc.call('GET', '/v1/auth/me', { token: response.body.accessToken });
    expect(me.body).toMatchObject({
      id: accountId,
      kind: 'member',
      memberId,
      subject: memberId,
      roles: ['member'],
      hasPassword: true,
    });
  });

  it('when the password is wrong or the e-mail unknown, then the answers are the same and cost the same scrypt work', async () => {
    const { email } = await openAccount({ password: PASSWORD });
    const wrong = await signIn(email, 'yanlış parola 123');
    const unknown = await signIn('kimse@konsey.test', 'yanlış parola 123');
    expect(sameness(wrong)).toEqual(sameness(unknown));
    expect(wrong.body).toMatchObject({ status: 401, code: 'sign-in-failed' });
    // An unknown e-mail is checked against a stand-in hash made with the very parameters of real ones,
    // so it costs the same scrypt work (asserted on the parameters, not on a clock).
    const account = await svc.prisma.account.findUniqueOrThrow({ where: { email } });
    const parameters = (hash: string) => hash.split('$').slice(0, 4).join('$');
    const params = passwordParameters(svc.config);
    expect(parameters(await standInHash(params))).toBe(parameters(account.passwordHash!));
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it('when the password is wrong five times, then even the right one is refused until the lockout has passed', async () => {
    const { email, accountId } = await openAccount({ password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await signIn(email, 'yanlış parola 123')).body.code).toBe('sign-in-failed');
    const locked = await signIn(email, PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account-locked');
    expect(locked.body.title).toMatch(/kilitlendi/);
    svc.clock.advance(14 * 60);
    expect((await signIn(email, PASSWORD)).status).toBe(423);
    svc.clock.advance(60 + 1);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect(
      await svc.prisma.account.findUnique({
        where: { id: accountId },
        select: { failedSignIns: true, lockedUntil: true },
      }),
    ).toEqual({
      failedSignIns: 0,
      lockedUntil: null,
    });
  });

  it('when a code is requested, then the answer is the same for unknown e-mails, the delivery is recorded without the code, and the code works once', async () => {
    const { email, accountId, memberId } = await openAccount();
    const known = await requestCode(email);
    const unknown = await requestCode('kimse@konsey.test');
    expect(known.status).toBe(202);
    expect([unknown.status, unknown.text]).toEqual([202, known.text]);
    const code = svc.codes.lastCode(accountId)!;
    const deliveries = await svc.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM sign_in_code_deliveries WHERE account_id = $1::uuid',
      accountId,
    );
    expect(deliveries).toEqual([
      { id: expect.any(String), account_id: accountId, channel: 'email', created_at: expect.any(Date) },
    ]);
    const stored = await svc.prisma.signInCode.findMany({ where: { accountId } });
    expect(JSON.stringify(stored)).not.toContain(code);
    const signedIn = await codeSignIn(email, code);
    expect(signedIn.status).toBe(200);
    expect(decodeJwt(signedIn.body.accessToken).sub).toBe(memberId);
    expect((await codeSignIn(email, code)).body.code).toBe('sign-in-failed');
  });

  it('when a code has expired, then it is refused like a wrong one', async () => {
    const { email, accountId } = await openAccount();
    await requestCode(email);
    const code = svc.codes.lastCode(accountId)!;
    svc.clock.advance(5 * 60 + 1);
    const expired = await codeSignIn(email, code);
    const unknown = await codeSignIn('kimse@konsey.test', code);
    expect(sameness(expired)).toEqual(sameness(unknown));
    expect(expired.status).toBe(401);
  });

  it('when a code is entered wrongly as many times as allowed, then even the right code is refused; a new code works', async () => {
    const { email, accountId } = await openAccount();
    await requestCode(email);
    const code = svc.codes.lastCode(accountId)!;
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await codeSignIn(email, wrongCode(code))).status).toBe(401);
    expect((await codeSignIn(email, code)).status).toBe(401);
    await requestCode(email);
    expect((await codeSignIn(email, svc.codes.lastCode(accountId)!)).status).toBe(200);
  });

  it('when a refresh token is used, then it rotates; presenting the old one again revokes the whole family', async () => {
    const { email, accountId } = await openAccount({ password: PASSWORD });
    const first = (await signIn(email, PASSWORD)).body;
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(TokenClaims.parse(decodeJwt(second.body.accessToken)).roles).toEqual(['member']);
    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('refresh-token-reused');
    expect((await refresh(second.body.refreshToken)).body.code).toBe('refresh-token-invalid');
    const audit = await svc.prisma.auditEntry.findMany({
      where: { subjectId: accountId, action: 'session.refresh-token-reused' },
    });
    expect(audit).toHaveLength(1);
    // Another session of the same person is not touched.
    const other = (await signIn(email, PASSWORD)).body;
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('when a person signs out, then that refresh token no longer works', async () => {
    const { email } = await openAccount({ password: PASSWORD });
    const pair = (await signIn(email, PASSWORD)).body;
    expect(
      (await svc.call('POST', '/v1/auth/sign-out', { body: { refreshToken: pair.refreshToken } })).status,
    ).toBe(204);
    expect((await refresh(pair.refreshToken)).body.code).toBe('refresh-token-invalid');
    expect(
      (await svc.call('POST', '/v1/auth/sign-out', { body: { refreshToken: pair.refreshToken } })).status,
    ).toBe(204);
  });

  it('when staff revoke a person’s sessions, then none of their refresh tokens works, and it is audited', async () => {
    const { email, accountId } = await openAccount({ password: PASSWORD });
    const phone = (await signIn(email, PASSWORD)).body;
    const laptop = (await signIn(email, PASSWORD)).body;
    expect(
      (await svc.call('DELETE', `/v1/accounts/${accountId}/sessions`, { token: phone.accessToken })).status,
    ).toBe(403);
    const revoked = await svc.call('DELETE', `/v1/accounts/${accountId}/sessions`, { token: operator });
    // Phone, laptop, and the session that setting the first password started.
    expect(revoked.body).toEqual({ revokedSessions: 3 });
    expect((await refresh(phone.refreshToken)).body.code).toBe('refresh-token-invalid');
    expect((await refresh(laptop.refreshToken)).body.code).toBe('refresh-token-invalid');
    expect(
      await svc.prisma.auditEntry.findMany({
        where: { subjectId: accountId, action: 'account.sessions-revoked' },
      }),
    ).toHaveLength(1);
  });

  it('when a role is granted or withdrawn, then the next access token carries the change, audited', async () => {
    const { email, accountId } = await openAccount({ password: PASSWORD });
    const pair = (await signIn(email, PASSWORD)).body;
    const granted = await svc.call('PUT', `/v1/accounts/${accountId}/roles/election-committee`, {
      token: operator,
    });
    expect(granted.body.roles).toEqual(['election-committee', 'member']);
    const next = (await refresh(pair.refreshToken)).body;
    expect(TokenClaims.parse(decodeJwt(next.accessToken)).roles).toEqual(['election-committee', 'member']);
    await svc.call('DELETE', `/v1/accounts/${accountId}/roles/election-committee`, { token: operator });
    const after = (await refresh(next.refreshToken)).body;
    expect(TokenClaims.parse(decodeJwt(after.accessToken)).roles).toEqual(['member']);
    const audit = await svc.prisma.auditEntry.findMany({
      where: { subjectId: accountId },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['account.role-granted', 'account.role-withdrawn']),
    );
  });

  it('when staff change roles, then they may not hand out staff or operator, and the last operator keeps the role', async () => {
    const staff = await openAccount({
      kind: 'staff',
      roles: ['staff'],
      password: 'personelin uzun parolası',
    });
    passwordsUsed.add('personelin uzun parolası');
    const staffToken = (await signIn(staff.email, 'personelin uzun parolası')).body.accessToken;
    const member = await openAccount();
    expect(
      (await svc.call('PUT', `/v1/accounts/${member.accountId}/roles/executive-board`, { token: staffToken }))
        .status,
    ).toBe(200);
    const refused = await svc.call('PUT', `/v1/accounts/${member.accountId}/roles/operator`, {
      token: staffToken,
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'role-not-grantable']);
    const memberToken = (await codeSignInFor(member)).accessToken;
    expect(
      (await svc.call('PUT', `/v1/accounts/${member.accountId}/roles/member`, { token: memberToken })).status,
    ).toBe(403);
    const me = await svc.call('GET', '/v1/auth/me', { token: operator });
    const last = await svc.call('DELETE', `/v1/accounts/${me.body.id}/roles/operator`, { token: operator });
    expect([last.status, last.body.code]).toEqual([409, 'last-operator']);
  });

  async function codeSignInFor(account: { email: string; accountId: string }) {
    await requestCode(account.email);
    return (await codeSignIn(account.email, svc.codes.lastCode(account.accountId)!)).body;
  }

  it('when a password is changed, then the current one is required, a wrong one is refused, and other sessions end', async () => {
    const { email } = await openAccount({ password: PASSWORD });
    const pair = (await signIn(email, PASSWORD)).body;
    const missing = await svc.call('PUT', '/v1/auth/password', {
      token: pair.accessToken,
      body: { newPassword: 'yepyeni bir parola' },
    });
    expect([missing.status, missing.body.errors[0].field]).toEqual([400, 'body.currentPassword']);
    const wrong = await svc.call('PUT', '/v1/auth/password', {
      token: pair.accessToken,
      body: { currentPassword: 'yanlış parola 123', newPassword: 'yepyeni bir parola' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'current-password-wrong']);
    const changed = await svc.call('PUT', '/v1/auth/password', {
      token: pair.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'yepyeni bir parola' },
    });
    passwordsUsed.add('yepyeni bir parola');
    expect(changed.status).toBe(200);
    expect((await refresh(pair.refreshToken)).body.code).toBe('refresh-token-invalid');
    expect((await refresh(changed.body.refreshToken)).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    expect((await signIn(email, 'yepyeni bir parola')).status).toBe(200);
  });

  it('when the operator bootstrap runs again, then it changes nothing once an operator exists', async () => {
    const again = await bootstrapOperator({
      prisma: svc.prisma,
      config: { AUTH_SCRYPT_LOG_N: 10 },
      displayName: 'İkinci',
      email: 'ikinci@konsey.test',
      password: 'başka bir uzun parola',
    });
    expect(again).toEqual({ created: false, reason: 'operator-exists' });
    expect(await svc.prisma.account.count({ where: { email: 'ikinci@konsey.test' } })).toBe(0);
  });

  it('when input is bad, then a 400 problem names each field', async () => {
    const badEmail = await svc.call('POST', '/v1/auth/sign-in', {
      body: { email: 'not-an-email', password: '' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.type).toContain('application/problem+json');
    expect(badEmail.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'body.email',
      'body.password',
    ]);
    const badCode = await svc.call('POST', '/v1/auth/sign-in/code', {
      body: { email: 'a@konsey.test', code: '12ab' },
    });
    expect(badCode.body.errors[0].field).toBe('body.code');
    const badRefresh = await svc.call('POST', '/v1/auth/refresh', { body: { refreshToken: 'x' } });
    expect(badRefresh.body.errors[0].field).toBe('body.refreshToken');
    const weak = await svc.call('PUT', '/v1/auth/password', {
      token: operator,
      body: { currentPassword: OPERATOR.password, newPassword: 'kısa' },
    });
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    const badAccount = await svc.call('POST', '/v1/accounts', {
      token: operator,
      body: { kind: 'staff', email: 'x@konsey.test', roles: ['king'] },
    });
    expect(badAccount.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['body.displayName', 'body.roles.0']),
    );
    expect((await svc.call('GET', '/v1/auth/me')).status).toBe(401);
  });

  // Runs last on purpose: it sweeps every response the tests above received.
  it('no response body ever contained a password, a password hash, a code, a code hash or a refresh-token hash', async () => {
    expect(svc.responses.length).toBeGreaterThan(50);
    const accounts = await svc.prisma.account.findMany({ select: { passwordHash: true } });
    const refreshTokens = await svc.prisma.refreshToken.findMany({ select: { tokenHash: true } });
    const codes = await svc.prisma.signInCode.findMany({ select: { codeHash: true } });
    const secrets = [
      ...passwordsUsed,
      ...accounts.flatMap((account) =>
        account.passwordHash ? [account.passwordHash, account.passwordHash.split('$').at(-1)!] : [],
      ),
      ...refreshTokens.map((token) => token.tokenHash),
      ...codes.map((code) => code.codeHash),
    ];
    expect(secrets.length).toBeGreaterThan(20);
    const codesSent = svc.codes.all();
    for (const text of svc.responses) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      for (const code of codesSent) expect(text).not.toMatch(new RegExp(`"[^"]*"\\s*:\\s*"?${code}"?[,}]`));
      expect(text).not.toMatch(/passwordHash|password_hash|codeHash|tokenHash|"scrypt\$/);
    }
  });
});
