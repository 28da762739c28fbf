import { Office, OfficeEndReason, Seat } from '@konsey/contracts';
import { z } from 'zod';
import { daysBetween } from './calendar-date.js';

const Day = z.iso.date({ message: 'YYYY-AA-GG biçiminde bir tarih olmalı / must be a date YYYY-MM-DD' });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * One row of an office-history import (the offices held before Konsey existed). The CSV header names
 * these columns; dates are YYYY-MM-DD; `period_start` is the first year of the five-year local period.
 */
const OfficeHistoryFields = z.object({
  member_id: z.uuid(),
  body_id: z.uuid(),
  office: Office,
  seat: Seat,
  period_start: z.coerce.number().int().min(1990).max(2200),
  term: z.coerce
    .number()
    .int()
    .refine((term) => term === 1 || term === 2, 'must be 1 (two years) or 2 (three years)'),
  from: Day,
  to: optional(Day),
  ended_on: optional(Day),
  end_reason: optional(OfficeEndReason),
});

export const OfficeHistoryRow = OfficeHistoryFields.superRefine((row, context) => {
  if (row.to && daysBetween(row.from, row.to) < 0)
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (row.ended_on && daysBetween(row.from, row.ended_on) < 0) {
    context.addIssue({ code: 'custom', path: ['ended_on'], message: 'must not be before from' });
  }
  if (row.ended_on && !row.end_reason)
    context.addIssue({ code: 'custom', path: ['end_reason'], message: 'required when ended_on is set' });
});
export type OfficeHistoryRow = z.infer<typeof OfficeHistoryRow>;

export const OFFICE_HISTORY_COLUMNS = Object.keys(OfficeHistoryFields.shape);
export const REQUIRED_OFFICE_HISTORY_COLUMNS = [
  'member_id',
  'body_id',
  'office',
  'seat',
  'period_start',
  'term',
  'from',
];

export interface RowProblem {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  field: string;
  message: string;
}

/** Validate every row; the import goes ahead only when no row has a problem. */
export function validateOfficeHistoryRows(rows: readonly Record<string, string>[]): {
  valid: OfficeHistoryRow[];
  problems: RowProblem[];
} {
  const valid: OfficeHistoryRow[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((raw, index) => {
    const result = OfficeHistoryRow.safeParse(raw);
    if (result.success) valid.push(result.data);
    else {
      for (const issue of result.error.issues) {
        problems.push({ line: index + 2, field: issue.path.join('.') || '(row)', message: issue.message });
      }
    }
  });
  return { valid, problems };
}
