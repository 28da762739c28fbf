import type { MessageData, MessageType, ParsedMessage } from '@konsey/contracts';
import type { MessageHandler, MessageHandlers } from '@konsey/service-kit';
import { recipientsTable, type PlannedNotification } from '../domain/recipients-table.js';
import { audienceKeepers } from './keep-audiences.js';
import type { NotificationsTx } from '../notifications-prisma.js';
import { onContactChanged } from './on-contact-changed.js';
import { recordNotifications, type RecordSettings } from './record-notifications.js';

/**
 * One handler per message routed to notifications: contacts feed the directory, membership and elections
 * facts keep the audiences (who belongs to which body), and the recipients table turns events into notifications.
 */
export function notificationHandlers(settings: RecordSettings): MessageHandlers<NotificationsTx> {
  const handle =
    <T extends MessageType>(type: T): MessageHandler<NotificationsTx, T> =>
    async (tx, message: ParsedMessage<T>) => {
      const keep = audienceKeepers[type] as
        ((tx: NotificationsTx, data: MessageData<T>) => Promise<void>) | undefined;
      await keep?.(tx, message.data);
      const plan = (recipientsTable as Partial<Record<MessageType, unknown>>)[type] as
        ((data: MessageData<T>) => PlannedNotification[]) | undefined;
      if (plan) await recordNotifications(tx, message.envelope, plan(message.data), settings);
    };
  const handlers: MessageHandlers<NotificationsTx> = { 'membership.contact.changed': onContactChanged };
  const types = new Set([...Object.keys(recipientsTable), ...Object.keys(audienceKeepers)] as MessageType[]);
  for (const type of types) (handlers as Record<string, unknown>)[type] = handle(type);
  return handlers;
}
