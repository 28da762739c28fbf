import { z } from 'zod';

/** `max/durationMs`, e.g. `20/1000`: at most 20 sends per second on a channel (BullMQ worker limiter). */
const rate = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'max/durationMs, e.g. 20/1000')
    .default(fallback)
    .transform((value) => {
      const [max, duration] = value.split('/').map(Number) as [number, number];
      return { max, duration };
    });

/** `attempts/firstBackoffMs`, e.g. `8/5000`: exponential backoff with jitter from the first delay. */
const retry = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'attempts/firstBackoffMs, e.g. 8/5000')
    .default(fallback)
    .transform((value) => {
      const [attempts, backoffMs] = value.split('/').map(Number) as [number, number];
      return { attempts: Math.max(1, attempts), backoffMs };
    });

/** `name=url` pairs separated by commas: the integrations that receive public events as signed webhooks. */
const endpoints = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const list: { name: string; url: string }[] = [];
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const url = pair.slice(at + 1);
      if (at < 1 || !/^[\w-]+$/.test(name) || !/^https?:\/\//.test(url)) {
        ctx.addIssue({ code: 'custom', message: 'name=https://… pairs separated by commas' });
        return z.NEVER;
      }
      list.push({ name, url });
    }
    return list;
  });

/** Settings notifications reads beyond the kit's. */
export const notificationsConfig = {
  /** SMTP server, e.g. smtp://user:pass@mail.example.org:587 (Mailpit on this machine by default). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp:// or smtps://')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Kent Konseyi <bildirim@kentkonseyi.local>'),
  /** HTTP endpoint of the SMS provider adapter (POST JSON {to, text, sender}); unset: SMS notifications fail. */
  SMS_URL: z.url().optional(),
  /** Bearer credential of the SMS provider. */
  SMS_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().max(11).default('KENTKONSEYI'),
  /** Hours of Türkiye time (UTC+3) in which optional SMS wait, `22-8` = from 22:00 to 08:00. */
  SMS_QUIET_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'from-to hours, e.g. 22-8')
    .default('22-8')
    .transform((value) => {
      const [from, to] = value.split('-').map(Number) as [number, number];
      return { from, to };
    }),
  WEBHOOK_ENDPOINTS: endpoints,
  /** Key of the HMAC-SHA256 signature of webhooks (shared with the receivers). */
  WEBHOOK_SECRET: z.string().min(16).default('konsey-development-webhook-secret'),
  /** Key of unsubscribe tokens; set a long random value in production. */
  NOTIFICATIONS_SECRET: z.string().min(16).default('konsey-development-notifications-secret'),
  /** Where people reach this service (unsubscribe links). */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:4004'),
  EMAIL_RATE: rate('20/1000'),
  SMS_RATE: rate('5/1000'),
  WEBHOOK_RATE: rate('50/1000'),
  EMAIL_RETRY: retry('8/5000'),
  SMS_RETRY: retry('5/10000'),
  WEBHOOK_RETRY: retry('10/2000'),
  /** How often committed notifications are handed to the delivery queues. */
  DISPATCH_POLL_MS: z.coerce.number().int().positive().default(500),
  /** How often queued notifications are re-enqueued in case Redis lost them (job ids make it idempotent). */
  RECONCILE_MS: z.coerce.number().int().positive().default(60_000),
};
