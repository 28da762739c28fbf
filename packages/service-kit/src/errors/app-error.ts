import { errorCodeDefinition } from './error-codes.js';

/** One field that failed validation, named by its path (e.g. `body.representatives.0.gender`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  cause?: unknown;
}

/** The one error type of Konsey: a stable code (mapped to an HTTP status), and what the person should do. */
export class AppError extends Error {
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(
    readonly code: string,
    options: AppErrorOptions = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.status = errorCodeDefinition(code).status;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
  }
}
