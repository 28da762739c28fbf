import { randomUUID } from 'node:crypto';
import type { Language } from '@konsey/contracts';
import { findContact, findMemberContact, type ContactRow } from '../data/contact-repository.js';
import { channelEnabled } from '../data/preference-repository.js';
import type { ChannelName } from '../domain/channel-name.js';
import { quietHoursEnd } from '../domain/quiet-hours.js';
import type { PlannedNotification } from '../domain/recipients-table.js';
import type { Prisma } from '../generated/prisma/client.js';
import { bodyMemberIds } from './keep-audiences.js';
import type { NotificationsTx } from '../notifications-prisma.js';
import { templateOf } from '../templates/template-catalogue.js';

export interface RecordSettings {
  webhookEndpoints: readonly { name: string }[];
  /**
   * False when no SMS gateway is configured: an SMS beside an e-mail is not planned (it could only fail);
   * an SMS that is the only way (a sign-in code asked for by SMS) is, and fails where operators see it.
   */
  smsConfigured?: boolean;
  quietHours: { from: number; to: number };
  now: () => Date;
}

interface Resolved {
  recipientKind: 'member' | 'account' | 'applicant' | 'integration';
  recipientId: string;
  memberId: string | null;
  contact: ContactRow | null;
}

/**
 * Turn the planned notifications of one event into rows, in the inbox transaction: one per (event,
 * recipient, channel), `pending` until the dispatcher queues it, `skipped` when the person opted out of an
 * optional message. A person whose contact details have not arrived yet gets an e-mail notification
 * that waits for them (delivery retries).
 */
export async function recordNotifications(
  tx: NotificationsTx,
  event: { id: string; type: string },
  plans: PlannedNotification[],
  settings: RecordSettings,
): Promise<number> {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const now = settings.now();
  for (const plan of plans) {
    const template = templateOf(plan.template);
    for (const recipient of await resolve(tx, plan, settings)) {
      const channels: ChannelName[] =
        recipient.recipientKind === 'integration'
          ? ['webhook']
          : (plan.channels ?? ['email']).filter(
              (channel, _, planned) =>
                (recipient.contact
                  ? Boolean(channel === 'email' ? recipient.contact.email : recipient.contact.phone)
                  : channel === 'email') &&
                (channel !== 'sms' || settings.smsConfigured !== false || planned.length === 1),
            );
      for (const channel of channels) {
        const optedIn = template.essential || (await channelEnabled(tx, recipient.recipientId, channel));
        const waitForQuiet = channel === 'sms' && !template.essential;
        const notBefore = waitForQuiet ? quietHoursEnd(now, settings.quietHours) : null;
        rows.push({
          id: randomUUID(),
          eventId: event.id,
          eventType: event.type,
          recipientKind: recipient.recipientKind,
          recipientId: recipient.recipientId,
          memberId: recipient.memberId,
          channel,
          template: plan.template,
          language: (recipient.contact?.language ?? 'tr') as Language,
          essential: template.essential,
          variables: plan.variables,
          status: optedIn ? 'pending' : 'skipped',
          lastError: optedIn ? null : 'opted-out',
          notBefore: notBefore && notBefore > now ? notBefore : null,
          ...(optedIn ? {} : { settledAt: now }),
        });
      }
    }
  }
  if (rows.length === 0) return 0;
  const created = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return created.count;
}

async function resolve(
  tx: NotificationsTx,
  plan: PlannedNotification,
  settings: RecordSettings,
): Promise<Resolved[]> {
  const to = plan.to;
  switch (to.kind) {
    case 'member':
      return [
        {
          recipientKind: 'member',
          recipientId: to.memberId,
          memberId: to.memberId,
          contact: await findMemberContact(tx, to.memberId),
        },
      ];
    case 'applicant':
      return [
        {
          recipientKind: 'applicant',
          recipientId: to.applicationId,
          memberId: null,
          contact: await findContact(tx, to.applicationId),
        },
      ];
    case 'account': {
      const contact = await findContact(tx, to.accountId);
      return [
        { recipientKind: 'account', recipientId: to.accountId, memberId: contact?.memberId ?? null, contact },
      ];
    }
    case 'staff': {
      const subscribers = await tx.audienceSubscription.findMany({ where: { audience: to.audience } });
      return Promise.all(
        subscribers.map(async ({ accountId }) => ({
          recipientKind: 'account' as const,
          recipientId: accountId,
          memberId: null,
          contact: await findContact(tx, accountId),
        })),
      );
    }
    case 'voters': {
      const voters = await tx.notification.findMany({
        where: {
          eventType: 'elections.ballot.received',
          variables: { path: ['electionId'], equals: to.electionId },
        },
        distinct: ['recipientId'],
        select: { recipientId: true },
      });
      return Promise.all(
        voters.map(async ({ recipientId }) => ({
          recipientKind: 'member' as const,
          recipientId,
          memberId: recipientId,
          contact: await findMemberContact(tx, recipientId),
        })),
      );
    }
    case 'body-members': {
      const memberIds = await bodyMemberIds(tx, to);
      return Promise.all(
        memberIds.map(async (memberId) => ({
          recipientKind: 'member' as const,
          recipientId: memberId,
          memberId,
          contact: await findMemberContact(tx, memberId),
        })),
      );
    }
    case 'integrations':
      return settings.webhookEndpoints.map((endpoint) => ({
        recipientKind: 'integration' as const,
        recipientId: endpoint.name,
        memberId: null,
        contact: null,
      }));
  }
}
