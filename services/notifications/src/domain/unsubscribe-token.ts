import { createHmac, timingSafeEqual } from 'node:crypto';
import { PersonalChannel } from './channel-name.js';

export interface UnsubscribeClaim {
  subjectId: string;
  channel: PersonalChannel;
}

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`unsubscribe.${payload}`).digest('base64url');

/** A token naming who unsubscribes from which channel, signed with HMAC-SHA256 (no expiry: links must keep working). */
export function createUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ s: claim.subjectId, c: claim.channel })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claim of a token this service signed, or undefined for anything else. */
export function readUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return undefined;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s?: unknown;
      c?: unknown;
    };
    const channel = PersonalChannel.safeParse(body.c);
    if (typeof body.s !== 'string' || !channel.success) return undefined;
    return { subjectId: body.s, channel: channel.data };
  } catch {
    return undefined;
  }
}
