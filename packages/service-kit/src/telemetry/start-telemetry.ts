import { register } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { z } from 'zod';
import { loadConfig, type Env } from '../config/load-config.js';

const telemetryConfigSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  OTEL_TRACES_EXPORTER: z.string().optional(),
});

/**
 * Start OpenTelemetry before the service imports anything it instruments (run from the service's
 * `instrument.ts`, loaded with `node --import`). Traces cover HTTP, Express, PostgreSQL, Redis, Prisma
 * and the bus (publish and handle spans, with the producer's context inside every message). Spans are
 * exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set; trace ids reach the logs either way.
 */
export function startTelemetry(options: {
  service: string;
  version: string;
  env?: Env;
}): NodeSDK | undefined {
  const config = loadConfig(`${options.service} telemetry`, telemetryConfigSchema, options.env);
  if (config.OTEL_SDK_DISABLED === 'true') return undefined;
  // ES modules are instrumented through a loader hook, which must be registered before they load.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.service,
      [ATTR_SERVICE_VERSION]: options.version,
    }),
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          traceExporter: new OTLPTraceExporter({
            url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`,
          }),
        }
      : config.OTEL_TRACES_EXPORTER
        ? {} // the SDK's own exporter settings (console, zipkin…)
        : // Nowhere to send spans: none is recorded (left alone, the SDK would post them to localhost:4318),
          // but every request still gets a trace id for its logs, problems and messages.
          { spanProcessors: [new NoopSpanProcessor()], sampler: new AlwaysOffSampler() }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)/.test(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new IORedisInstrumentation(),
      new PrismaInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}
