import { signInCodeOf } from '../suite/smtp-sink.js';
import type { CouncilContext } from './council-context.js';
import { memberId } from './council-context.js';
import type { Api, Json } from './http-client.js';

/**
 * Staff's day one: the first operator signs in with the password, takes the reviewer roles (evaluation
 * committee for individual applications, Executive Board for institutional ones and for sittings) and
 * signs in again so the token carries them.
 */
export async function signInStaff(api: Api, operator: { email: string; password: string }): Promise<string> {
  const signIn = async () =>
    (await api.json('membership', 'POST', '/v1/auth/sign-in', { body: operator })).accessToken as string;
  const first = await signIn();
  const me = await api.json('membership', 'GET', '/v1/auth/me', { token: first });
  for (const role of ['staff', 'executive-board', 'evaluation-committee'])
    if (!(me.roles as string[]).includes(role))
      await api.call('membership', 'PUT', `/v1/accounts/${String(me.id)}/roles/${role}`, { token: first });
  return signIn();
}

/** A member's e-mail in the rehearsal: the ref under the council's e-mail domain. */
export function emailOf(context: Pick<CouncilContext, 'settings' | 'runTag'>, ref: string): string {
  const local = ref.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
  return `${local}${context.runTag ? `.${context.runTag}` : ''}@${context.settings.emailDomain}`;
}

/** Staff opens the member's account (role member) with the member's e-mail. */
export async function openAccount(context: CouncilContext, ref: string): Promise<string> {
  const account = await context.api.json('membership', 'POST', '/v1/accounts', {
    token: context.staffToken,
    body: {
      kind: 'member',
      memberId: memberId(context, ref),
      email: context.emails.get(ref) ?? emailOf(context, ref),
    },
    phase: 'accounts',
  });
  context.accountIds.set(ref, account.id as string);
  return account.id as string;
}

/**
 * A member signs in as on their phone: asks for a one-time code, reads it from the e-mail that
 * notifications sent (the rehearsal's SMTP sink), and signs in with it.
 */
export async function signInMember(context: CouncilContext, ref: string): Promise<string> {
  const known = context.memberTokens.get(ref);
  if (known) return known;
  const smtp = context.smtp;
  if (!smtp)
    throw new Error(
      'giriş kodlarını okumak için SMTP alıcısı gerekli / an SMTP sink is needed to read sign-in codes',
    );
  const email = context.emails.get(ref) ?? emailOf(context, ref);
  for (let attempt = 1; ; attempt += 1) {
    const since = Date.now();
    await context.api.call('membership', 'POST', '/v1/auth/code-requests', {
      body: { email },
      phase: 'sign-in',
    });
    try {
      const mail = await smtp.waitFor(email, (m) => signInCodeOf(m) !== undefined, {
        since,
        timeoutMs: 60_000,
      });
      const tokens: Json = await context.api.json('membership', 'POST', '/v1/auth/sign-in/code', {
        body: { email, code: signInCodeOf(mail) },
        phase: 'sign-in',
      });
      context.memberTokens.set(ref, tokens.accessToken as string);
      return tokens.accessToken as string;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Sign in again (after a role was granted, so the token carries it). */
export async function refreshMemberToken(context: CouncilContext, ref: string): Promise<string> {
  context.memberTokens.delete(ref);
  return signInMember(context, ref);
}
