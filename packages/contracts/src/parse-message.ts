import type { z } from 'zod';
import { catalogue, isMessageType, type MessageData, type MessageType } from './catalogue.js';
import { Envelope } from './envelope.js';

export interface ParsedMessage<T extends MessageType = MessageType> {
  envelope: Envelope & { type: T };
  data: MessageData<T>;
}

/** Why a message could not be accepted. Every reason parks the message; none drops it. */
export type MessageRejection =
  | { reason: 'malformed-envelope'; detail: string }
  | { reason: 'unknown-type'; detail: string }
  | { reason: 'unknown-version'; detail: string }
  | { reason: 'invalid-data'; detail: string };

export type ParseResult = { ok: true; message: ParsedMessage } | ({ ok: false } & MessageRejection);

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Validate an envelope and its data against the catalogue. Consumers call this before trusting a payload. */
export function parseMessage(raw: unknown): ParseResult {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: 'malformed-envelope', detail: describe(envelope.error) };
  const { type, version } = envelope.data;
  if (!isMessageType(type))
    return { ok: false, reason: 'unknown-type', detail: `unknown message type ${type}` };
  const definition = catalogue[type];
  if (version !== definition.version) {
    return {
      ok: false,
      reason: 'unknown-version',
      detail: `${type} version ${version} is not known here (this consumer knows version ${definition.version})`,
    };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: 'invalid-data', detail: describe(data.error) };
  return {
    ok: true,
    message: { envelope: { ...envelope.data, type }, data: data.data } as ParsedMessage,
  };
}
