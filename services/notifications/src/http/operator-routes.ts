import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import type { NotificationsPrisma } from '../notifications-prisma.js';
import { DeliveryAttemptView, NotificationView, toNotificationView } from './notification-schemas.js';

const operators = { anyOf: ['operator', 'staff'] } as const;

/** Retrying a failed notification: the notification is pending again, and its old job is dropped. */
export type RetryNotification = (notificationId: string) => Promise<void>;

/** The delivery log and the failures, for operators and staff, and retrying a failed notification. */
export function operatorRoutes(prisma: NotificationsPrisma, retry: RetryNotification): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/notifications',
      summary: 'List notifications (newest first), by status and event type',
      tags: ['notifications'],
      access: operators,
      request: {
        query: z.object({
          status: z.enum(['pending', 'queued', 'sent', 'failed', 'skipped']).optional(),
          eventType: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: { description: 'Notifications', schema: z.object({ items: z.array(NotificationView) }) },
      },
      handler: async ({ query }) => {
        const rows = await prisma.notification.findMany({
          where: {
            ...(query.status ? { status: query.status } : {}),
            ...(query.eventType ? { eventType: query.eventType } : {}),
          },
          orderBy: { createdAt: 'desc' },
          take: query.limit,
        });
        return { status: 200, body: { items: rows.map(toNotificationView) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/notifications/failed',
      summary: 'Notifications that failed after their last retry, for operators to inspect and retry',
      tags: ['notifications'],
      access: operators,
      responses: {
        200: { description: 'Failed notifications', schema: z.object({ items: z.array(NotificationView) }) },
      },
      handler: async () => {
        const rows = await prisma.notification.findMany({
          where: { status: 'failed' },
          orderBy: { createdAt: 'desc' },
          take: 500,
        });
        return { status: 200, body: { items: rows.map(toNotificationView) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/notifications/:notificationId/deliveries',
      summary: 'The delivery log of a notification: every attempt, the provider response and the time',
      tags: ['notifications'],
      access: operators,
      request: { params: z.object({ notificationId: z.uuid() }) },
      responses: {
        200: {
          description: 'Attempts',
          schema: z.object({ notification: NotificationView, attempts: z.array(DeliveryAttemptView) }),
        },
        404: { description: 'No such notification' },
      },
      handler: async ({ params }) => {
        const row = await prisma.notification.findUnique({
          where: { id: params.notificationId },
          include: { deliveries: { orderBy: { at: 'asc' } } },
        });
        if (!row) throw new AppError('not-found');
        return {
          status: 200,
          body: {
            notification: toNotificationView(row),
            attempts: row.deliveries.map((d) => ({
              attempt: d.attempt,
              outcome: d.outcome,
              providerResponse: d.providerResponse,
              durationMs: d.durationMs,
              at: d.at.toISOString(),
            })),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/notifications/:notificationId/retry',
      summary: 'Send a failed notification again',
      tags: ['notifications'],
      access: operators,
      request: { params: z.object({ notificationId: z.uuid() }) },
      responses: {
        202: { description: 'Queued again' },
        404: { description: 'No such notification' },
        409: { description: 'Not failed' },
      },
      handler: async ({ params }) => {
        const row = await prisma.notification.findUnique({ where: { id: params.notificationId } });
        if (!row) throw new AppError('not-found');
        if (row.status !== 'failed') throw new AppError('notification-not-failed');
        await retry(row.id);
        return { status: 202, body: { id: row.id, status: 'pending' } };
      },
    }),
  ];
}
