import type { Reason } from '../../domain/reason.js';
import type { electionErrors } from '../elections-errors.js';

export type ElectionErrorCode = keyof typeof electionErrors;

/** One field a refusal names, with its reason in both languages. */
export interface RefusedField {
  field: string;
  code: string;
  reason: Reason;
}

/**
 * A request the elections module refuses, with the reason in Turkish and English. The routes turn it
 * into the kit's problem details in the caller's language (see `answerInLanguage`).
 */
export class ElectionRefusal extends Error {
  override readonly name = 'ElectionRefusal';
  constructor(
    readonly code: ElectionErrorCode | 'not-found' | 'forbidden' | 'validation-failed',
    readonly reason: Reason,
    readonly fields: readonly RefusedField[] = [],
  ) {
    super(reason.en);
  }
}

/** A refusal whose reason is the same sentence in both languages (ids, numbers). */
export function refuse(
  code: ConstructorParameters<typeof ElectionRefusal>[0],
  tr: string,
  en: string,
  fields: readonly RefusedField[] = [],
): ElectionRefusal {
  return new ElectionRefusal(code, { tr, en }, fields);
}
