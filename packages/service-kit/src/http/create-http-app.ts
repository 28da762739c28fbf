import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Registry } from 'prom-client';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { httpMetricsMiddleware } from '../telemetry/http-metrics.js';
import type { AnyRoute } from './define-route.js';
import { errorMiddleware, notFoundMiddleware } from './error-middleware.js';
import { healthRouter, type ReadinessCheck } from './health-router.js';
import { keepRawJsonBody } from './raw-json-body.js';
import { createOpenApiDocument } from './openapi-document.js';
import { routeHandler } from './route-handler.js';

export interface CreateHttpAppOptions {
  service: string;
  version: string;
  logger: Logger;
  routes: readonly AnyRoute[];
  verifier?: TokenVerifier;
  readiness: readonly ReadinessCheck[];
  metrics: Registry;
  bodyLimit: string;
  /** Extra routers mounted before the API routes (e.g. the JWKS of membership). */
  extraRouters?: express.Router[];
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** The Express 5 app every Konsey service serves: the same safety, errors, health and OpenAPI for all. */
export function createHttpApp(options: CreateHttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    }),
  );
  app.use(httpMetricsMiddleware(options.metrics));
  app.use(express.json({ limit: options.bodyLimit, strict: true, verify: keepRawJsonBody }));
  app.use(healthRouter({ readiness: options.readiness, metrics: options.metrics }));
  const document = createOpenApiDocument(options);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  for (const router of options.extraRouters ?? []) app.use(router);
  for (const route of options.routes) {
    const handlers = [routeHandler(route, options.verifier)];
    if (route.textBody)
      handlers.unshift(express.text({ type: route.textBody.mediaType, limit: route.textBody.limit }));
    app[route.method](route.path, ...handlers);
  }
  app.use(notFoundMiddleware);
  app.use(errorMiddleware(options.logger));
  return app;
}
