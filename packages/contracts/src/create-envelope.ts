import { randomUUID } from 'node:crypto';
import { catalogue, type MessageData, type MessageType } from './catalogue.js';
import type { Envelope, TraceContext } from './envelope.js';

export interface CreateEnvelopeOptions<T extends MessageType> {
  type: T;
  data: MessageData<T>;
  trace?: TraceContext;
  occurredAt?: Date;
}

/** Build the envelope of a message at its current version; the data is validated before it leaves. */
export function createEnvelope<T extends MessageType>(options: CreateEnvelopeOptions<T>): Envelope {
  const definition = catalogue[options.type];
  return {
    id: randomUUID(),
    type: options.type,
    version: definition.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: definition.producer,
    trace: options.trace ?? {},
    data: definition.schema.parse(options.data),
  };
}
