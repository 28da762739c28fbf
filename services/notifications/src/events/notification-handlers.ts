import type { MessageData, MessageType, ParsedMessage } from '@konsey/contracts';
import type { MessageHandler, MessageHandlers } from '@konsey/service-kit';
import { recipientsTable, type PlannedNotification } from '../domain/recipients-table.js';
import { audienceKeepers } from './keep-audiences.js';
import { keepSubmittersOf, withKeptSubmitters } from './keep-motion-submitters.js';
import type { NotificationsTx } from '../notifications-prisma.js';
import { onContactChanged } from './on-contact-changed.js';
import { recordNotifications, type RecordSettings } from './record-notifications.js';

/**
 * One handler per message routed to notifications: contacts feed the directory, membership and elections
 * facts keep the audiences (who belongs to which body), motion events keep who each motion comes from, and
 * the recipients table turns events into notifications.
 */
export function notificationHandlers(settings: RecordSettings): MessageHandlers<NotificationsTx> {
  const handle =
    <T extends MessageType>(type: T): MessageHandler<NotificationsTx, T> =>
    async (tx, message: ParsedMessage<T>) => {
      const keep = audienceKeepers[type] as
        ((tx: NotificationsTx, data: MessageData<T>) => Promise<void>) | undefined;
      await keep?.(tx, message.data);
      await keepSubmittersOf(tx, message);
      const plan = (recipientsTable as Partial<Record<MessageType, unknown>>)[type] as
        ((data: MessageData<T>) => PlannedNotification[]) | undefined;
      if (!plan) return;
      const data = await withKeptSubmitters(tx, type, message.data);
      await recordNotifications(tx, message.envelope, plan(data), settings);
    };
  const handlers: MessageHandlers<NotificationsTx> = { 'membership.contact.changed': onContactChanged };
  const types = new Set([...Object.keys(recipientsTable), ...Object.keys(audienceKeepers)] as MessageType[]);
  for (const type of types) (handlers as Record<string, unknown>)[type] = handle(type);
  return handlers;
}
