import type { MessageData, ParsedMessage } from '@konsey/contracts';
import type { MessageHandler, MessageHandlers } from '@konsey/service-kit';
import { recipientsTable, type NotifiedType, type PlannedNotification } from '../domain/recipients-table.js';
import type { NotificationsTx } from '../notifications-prisma.js';
import { onContactChanged } from './on-contact-changed.js';
import { recordNotifications, type RecordSettings } from './record-notifications.js';

/** One handler per message routed to notifications: contacts feed the directory, the rest the recipients table. */
export function notificationHandlers(settings: RecordSettings): MessageHandlers<NotificationsTx> {
  const record =
    <T extends NotifiedType>(type: T): MessageHandler<NotificationsTx, T> =>
    async (tx, message: ParsedMessage<T>) => {
      const plan = recipientsTable[type] as unknown as (data: MessageData<T>) => PlannedNotification[];
      await recordNotifications(tx, message.envelope, plan(message.data), settings);
    };
  const handlers: MessageHandlers<NotificationsTx> = { 'membership.contact.changed': onContactChanged };
  for (const type of Object.keys(recipientsTable) as NotifiedType[]) {
    (handlers as Record<string, unknown>)[type] = record(type);
  }
  return handlers;
}
