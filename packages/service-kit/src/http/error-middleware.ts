import { trace } from '@opentelemetry/api';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.js';
import { PROBLEM_CONTENT_TYPE, toProblemDetails } from '../errors/problem-details.js';
import { requestLanguage } from './request-language.js';

/** Errors that body-parser raises before any route runs, mapped to stable codes. */
function fromParserError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error as { type: string }).type) {
    case 'entity.parse.failed':
      return new AppError('malformed-json', { detail: 'JSON could not be parsed' });
    case 'entity.too.large':
      return new AppError('payload-too-large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported-media-type');
    default:
      return undefined;
  }
}

/**
 * The database is saturated, not broken: no transaction could start in time (Prisma P2028) or the
 * pool gave no connection. The client should retry shortly (a phone at a General Assembly peak),
 * so 503 with Retry-After, not 500.
 */
function fromSaturation(error: unknown): AppError | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : '';
  if (code === 'P2028' || /timeout exceeded when trying to connect/i.test(message))
    return new AppError('unavailable', { detail: 'the database is busy; retry in a second' });
  return undefined;
}

/** The one error middleware: problem+json with a stable code; a 500 says nothing about internals. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError =
      error instanceof AppError
        ? error
        : (fromParserError(error) ?? fromSaturation(error) ?? new AppError('internal', { cause: error }));
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    if (appError.status === 500)
      logger.error({ err: error, trace_id: traceId, path: req.path }, 'request failed');
    else if (appError.status > 500)
      logger.warn({ detail: appError.detail, path: req.path }, 'request refused: not available');
    if (res.headersSent) return;
    if (appError.status === 503) res.setHeader('Retry-After', '1');
    res
      .status(appError.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify(
          toProblemDetails(appError, {
            language: requestLanguage(req),
            instance: req.originalUrl,
            ...(traceId ? { traceId } : {}),
          }),
        ),
      );
  };
}

export const notFoundMiddleware: RequestHandler = (_req, _res, next) => next(new AppError('route-not-found'));
