import type { z } from 'zod';
import { AppError, type FieldError } from '../errors/app-error.js';

/** Validate one part of a request (body, query or params); every failing field is named. */
export function validateInput<S extends z.ZodType>(
  part: 'body' | 'query' | 'params',
  schema: S,
  value: unknown,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: issue.message,
  }));
  throw new AppError('validation-failed', {
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}
