import { AppError } from '@konsey/service-kit';
import type { Request } from 'express';
import { ElectionRefusal } from '../app/election-refusal.js';

/** Turkish unless the caller prefers English (the kit's rule for problem titles). */
export function languageOf(req: Request): 'tr' | 'en' {
  return req.acceptsLanguages('tr', 'en') === 'en' ? 'en' : 'tr';
}

/** Run a use case; a refusal becomes the kit's problem details with the domain's reason in the caller's language. */
export async function answerInLanguage<T>(req: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ElectionRefusal)) throw error;
    const language = languageOf(req);
    throw new AppError(error.code, {
      detail: error.reason[language],
      errors: error.fields.map((field) => ({
        field: field.field,
        code: field.code,
        message: field.reason[language],
      })),
    });
  }
}
