import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TIMESTAMP_HEADER = 'konsey-webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'konsey-webhook-signature';
export const WEBHOOK_ID_HEADER = 'konsey-webhook-id';

/** `sha256=<hex>` of HMAC-SHA256 over `timestamp.body`, the timestamp in Unix seconds. */
export function signWebhook(body: string, timestamp: number, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookVerdict = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'bad-signature' };

/**
 * What a receiver runs on each webhook (copy this function; it needs only node:crypto): the signature
 * must be ours over `timestamp.body` exactly as received, and the timestamp within `toleranceSeconds`
 * (default 5 minutes) of now, so an old request replayed is refused. Receivers should also remember
 * the `konsey-webhook-id` of the last 5 minutes and ignore a repeat.
 */
export function verifyWebhookSignature(options: {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  now?: Date;
  toleranceSeconds?: number;
}): WebhookVerdict {
  const timestamp = Number(options.timestamp);
  if (!options.timestamp || !Number.isInteger(timestamp) || !options.signature?.startsWith('sha256='))
    return { ok: false, reason: 'malformed' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', options.secret).update(`${timestamp}.${options.body}`).digest('hex')}`,
  );
  const given = Buffer.from(options.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}
