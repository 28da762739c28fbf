import { z } from 'zod';
import { ServiceName } from './enums.js';

/** W3C trace context captured where the message was produced, so its handling joins the same trace. */
export const TraceContext = z.object({
  traceparent: z
    .string()
    .regex(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/)
    .optional(),
  tracestate: z.string().optional(),
});
export type TraceContext = z.infer<typeof TraceContext>;

/**
 * The envelope of every event and command on the bus. `data` is validated separately, against the
 * schema of the message's `type` and `version` (see `parseMessage`).
 */
export const Envelope = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+(\.[a-z][a-z-]*){2}$/),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: ServiceName,
  trace: TraceContext.default({}),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;
