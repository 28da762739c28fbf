import type { z } from 'zod';
import type { ServiceName } from './enums.js';

/** Events are facts in the past tense; commands ask one service to do something. */
export type MessageKind = 'event' | 'command';

/**
 * A message type on the bus: its current version and schema, who produces it and who consumes it.
 * A new incompatible shape gets a new version; consumers park versions they do not know.
 */
export interface MessageDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  kind: MessageKind;
  version: number;
  schema: Schema;
  producer: ServiceName;
  consumers: readonly ServiceName[];
  summary: string;
}

export function defineMessage<const Type extends string, Schema extends z.ZodType>(
  definition: MessageDefinition<Type, Schema>,
): MessageDefinition<Type, Schema> {
  return definition;
}
