import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import { preferencesOf, setChannelEnabled } from '../data/preference-repository.js';
import type { StaffAudience } from '../domain/recipients-table.js';
import { readUnsubscribeToken } from '../domain/unsubscribe-token.js';
import type { NotificationsPrisma } from '../notifications-prisma.js';
import { NotificationView, Preferences, toNotificationView } from './notification-schemas.js';

const anyone = {
  anyOf: ['member', 'staff', 'operator', 'executive-board', 'evaluation-committee', 'election-committee'],
} as const;
const StaffAudienceName = z.enum(['staff', 'evaluation-committee', 'election-committee', 'executive-board']);

/** A member's own history and preferences, staff audience subscriptions, and the public unsubscribe link. */
export function memberRoutes(
  prisma: NotificationsPrisma,
  options: { unsubscribeSecret: string },
): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/notifications/me',
      summary: 'My notifications (newest first)',
      tags: ['notifications'],
      access: { anyOf: ['member'] },
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: { description: 'My notifications', schema: z.object({ items: z.array(NotificationView) }) },
      },
      handler: async ({ auth, query }) => {
        const rows = await prisma.notification.findMany({
          where: { OR: [{ memberId: auth.subject }, { recipientId: auth.subject }] },
          orderBy: { createdAt: 'desc' },
          take: query.limit,
        });
        return { status: 200, body: { items: rows.map(toNotificationView) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/notifications/me/preferences',
      summary: 'Which channels I receive optional messages on',
      tags: ['notifications'],
      access: anyone,
      responses: { 200: { description: 'Preferences', schema: Preferences } },
      handler: async ({ auth }) => ({ status: 200, body: await preferencesOf(prisma, auth.subject) }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/notifications/me/preferences',
      summary: 'Switch channels on or off for optional messages (essential ones always arrive)',
      tags: ['notifications'],
      access: anyone,
      request: { body: Preferences.partial() },
      responses: { 200: { description: 'Preferences', schema: Preferences } },
      handler: async ({ auth, body }) => {
        for (const channel of ['email', 'sms'] as const)
          if (body[channel] !== undefined)
            await setChannelEnabled(prisma, auth.subject, channel, body[channel]);
        return { status: 200, body: await preferencesOf(prisma, auth.subject) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/notifications/me/audiences/:audience',
      summary:
        'Receive what goes to a staff audience I belong to (e.g. new applications for the evaluation committee)',
      tags: ['notifications'],
      access: {
        anyOf: ['staff', 'operator', 'executive-board', 'evaluation-committee', 'election-committee'],
      },
      request: { params: z.object({ audience: StaffAudienceName }) },
      responses: { 204: { description: 'Subscribed' }, 403: { description: 'Not in that audience' } },
      handler: async ({ auth, params }) => {
        const audience = params.audience as StaffAudience;
        const holds =
          auth.roles.includes(audience) || (audience === 'staff' && auth.roles.includes('operator'));
        if (!holds) throw new AppError('forbidden');
        await prisma.audienceSubscription.upsert({
          where: { accountId_audience: { accountId: auth.subject, audience } },
          create: { accountId: auth.subject, audience, createdAt: new Date() },
          update: {},
        });
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/notifications/me/audiences/:audience',
      summary: 'Stop receiving what goes to a staff audience',
      tags: ['notifications'],
      access: {
        anyOf: ['staff', 'operator', 'executive-board', 'evaluation-committee', 'election-committee'],
      },
      request: { params: z.object({ audience: StaffAudienceName }) },
      responses: { 204: { description: 'Unsubscribed' } },
      handler: async ({ auth, params }) => {
        await prisma.audienceSubscription.deleteMany({
          where: { accountId: auth.subject, audience: params.audience },
        });
        return { status: 204 };
      },
    }),
    ...(['get', 'post'] as const).map((method) =>
      defineRoute({
        method,
        path: '/v1/notifications/unsubscribe',
        summary:
          'Unsubscribe from optional messages on one channel with the signed link of an e-mail (one click)',
        tags: ['notifications'],
        access: 'public',
        request: { query: z.object({ token: z.string().min(10).max(500) }) },
        responses: {
          200: {
            description: 'Unsubscribed',
            schema: z.object({ channel: z.string(), unsubscribed: z.literal(true) }),
          },
          400: { description: 'Invalid token' },
        },
        handler: async ({ query }) => {
          const claim = readUnsubscribeToken(query.token, options.unsubscribeSecret);
          if (!claim) throw new AppError('invalid-unsubscribe-token');
          await setChannelEnabled(prisma, claim.subjectId, claim.channel, false);
          return { status: 200, body: { channel: claim.channel, unsubscribed: true as const } };
        },
      }),
    ),
  ];
}
