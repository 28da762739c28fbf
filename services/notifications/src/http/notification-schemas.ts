import { z } from 'zod';

export const NotificationView = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  recipientKind: z.string(),
  recipientId: z.string(),
  channel: z.string(),
  template: z.string(),
  language: z.string(),
  essential: z.boolean(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});

export const DeliveryAttemptView = z.object({
  attempt: z.number().int(),
  outcome: z.string(),
  providerResponse: z.string().nullable(),
  durationMs: z.number().int(),
  at: z.string(),
});

export const Preferences = z.object({ email: z.boolean(), sms: z.boolean() });

export function toNotificationView(row: {
  id: string;
  eventId: string;
  eventType: string;
  recipientKind: string;
  recipientId: string;
  channel: string;
  template: string;
  language: string;
  essential: boolean;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  settledAt: Date | null;
}): z.infer<typeof NotificationView> {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    recipientKind: row.recipientKind,
    recipientId: row.recipientId,
    channel: row.channel,
    template: row.template,
    language: row.language,
    essential: row.essential,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}
