import type { Language } from '@konsey/contracts';
import type { AppError, FieldError } from './app-error.js';
import { errorCodeDefinition } from './error-codes.js';

/** RFC 9457 problem details, with Konsey's stable `code` and the trace id to quote in a report. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function toProblemDetails(
  error: AppError,
  context: { language: Language; instance?: string; traceId?: string },
): ProblemDetails {
  const definition = errorCodeDefinition(error.code);
  return {
    type: `https://konsey.dev/problems/${error.code}`,
    title: definition[context.language],
    status: error.status,
    code: error.code,
    ...(error.detail && error.status !== 500 ? { detail: error.detail } : {}),
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.traceId ? { traceId: context.traceId } : {}),
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  };
}
