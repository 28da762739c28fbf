import { createEnvelope, type Envelope, type MessageData, type MessageType } from '@konsey/contracts';
import type { SqlClient } from '../database/sql-client.js';
import { currentTraceContext } from '../telemetry/trace-context.js';

/**
 * Write a message to the outbox inside the caller's transaction: it is published if and only if the
 * change it describes commits. The relay delivers it afterwards.
 */
export async function publishEvent<T extends MessageType>(
  tx: SqlClient,
  message: { type: T; data: MessageData<T>; occurredAt?: Date },
): Promise<Envelope> {
  const envelope = createEnvelope({ ...message, trace: currentTraceContext() });
  await tx.$executeRawUnsafe(
    'INSERT INTO "konsey_outbox" ("id", "type", "envelope") VALUES ($1::uuid, $2, $3::jsonb)',
    envelope.id,
    envelope.type,
    JSON.stringify(envelope),
  );
  return envelope;
}
