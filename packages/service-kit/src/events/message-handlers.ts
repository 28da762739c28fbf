import {
  messagesConsumedBy,
  type MessageType,
  type ParsedMessage,
  type ServiceName,
} from '@konsey/contracts';
import type { SqlClient } from '../database/sql-client.js';

/** Handles one message inside the transaction that also records it in the inbox. */
export type MessageHandler<Tx extends SqlClient, T extends MessageType = MessageType> = (
  tx: Tx,
  message: ParsedMessage<T>,
) => Promise<void>;

export type MessageHandlers<Tx extends SqlClient> = {
  [T in MessageType]?: MessageHandler<Tx, T>;
};

/**
 * Every message the routing table sends to this service must have exactly one handler, and no handler
 * may exist for a message that is not routed here. Checked at boot.
 */
export function assertHandlersMatchRouting(service: ServiceName, handlers: MessageHandlers<SqlClient>): void {
  const expected = new Set<string>(messagesConsumedBy(service));
  const present = new Set(
    Object.entries(handlers)
      .filter(([, handler]) => typeof handler === 'function')
      .map(([type]) => type),
  );
  const missing = [...expected].filter((type) => !present.has(type));
  const extra = [...present].filter((type) => !expected.has(type));
  if (missing.length || extra.length) {
    throw new Error(
      `${service}: message handlers do not match the routing table` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (extra.length ? `; not routed here: ${extra.join(', ')}` : ''),
    );
  }
}
