import { context, propagation, type Context } from '@opentelemetry/api';
import type { TraceContext } from '@konsey/contracts';

/** The W3C trace context of the active span, to travel inside an event envelope. */
export function currentTraceContext(): TraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** The context a message was produced in, so that its handling joins the producer's trace. */
export function contextFromTrace(trace: TraceContext): Context {
  return propagation.extract(context.active(), { ...trace });
}
