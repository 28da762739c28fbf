import { trace } from '@opentelemetry/api';
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Keys that must never reach a log line (personal data under KVKK, secrets). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.tcKimlikNo',
  '*.nationalId',
  '*.email',
  '*.phone',
  '*.password',
  '*.token',
];

export interface CreateLoggerOptions {
  service: string;
  level: LoggerOptions['level'];
  destination?: pino.DestinationStream;
}

/** JSON logs with the service name and the active trace and span ids on every line. */
export function createLogger(options: CreateLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[gizli]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const { traceId, spanId } = span.spanContext();
        return { trace_id: traceId, span_id: spanId };
      },
    },
    options.destination,
  );
}
