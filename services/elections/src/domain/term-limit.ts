import type { Office, Seat } from '@konsey/contracts';
import type { TermWindowSetting } from './election-settings.js';

/** A term in the five-year local period: term 1 runs two years from `periodStart`, term 2 the next three. */
export interface TermSlot {
  /** First year of the five-year local period. */
  periodStart: number;
  term: 1 | 2;
}

/** An office held, as the office history records it (one record per term, or part of a term, held). */
export interface HeldOffice extends TermSlot {
  office: Office;
  bodyId: string;
  seat: Seat;
}

/** Years a term spans, e.g. 2021–2023 for term 1 of the period starting 2021 and 2023–2026 for term 2. */
export function termYears(slot: TermSlot): string {
  return slot.term === 1
    ? `${slot.periodStart}–${slot.periodStart + 2}`
    : `${slot.periodStart + 2}–${slot.periodStart + 5}`;
}

const before = (a: TermSlot, b: TermSlot) =>
  a.periodStart < b.periodStart || (a.periodStart === b.periodStart && a.term < b.term);

/**
 * Whether `earlier` is the term right before `later`: term 1 → term 2 of the same period, or term 2 →
 * term 1 of the next period, which starts 1 to 7 years later (five normally; the slack absorbs an early
 * or postponed local election). Any other distance leaves out at least one full term: a gap.
 */
export function isPrecedingTerm(earlier: TermSlot, later: TermSlot): boolean {
  if (later.term === 2) return earlier.term === 1 && earlier.periodStart === later.periodStart;
  const years = later.periodStart - earlier.periodStart;
  return earlier.term === 2 && years >= 1 && years <= 7;
}

/**
 * The terms that count toward the limit for a candidacy in `office` of `bodyId` for the term `forTerm`:
 * full-seat terms of the same office in the same body, before `forTerm`, each term counted once however
 * many records it has (a seat taken over mid-term counts as a term). Under `lifetime` every such term
 * counts; under `consecutive` only the unbroken run that ends with the term right before `forTerm`
 * (none when the candidate did not hold that term: a full term out of office resets the count).
 * Returned oldest first.
 */
export function countedTerms(options: {
  history: readonly HeldOffice[];
  office: Office;
  bodyId: string;
  forTerm: TermSlot;
  window: TermWindowSetting;
}): TermSlot[] {
  const held = new Map<string, TermSlot>();
  for (const record of options.history)
    if (
      record.office === options.office &&
      record.bodyId === options.bodyId &&
      record.seat === 'full' &&
      before(record, options.forTerm)
    )
      held.set(`${record.periodStart}/${record.term}`, {
        periodStart: record.periodStart,
        term: record.term,
      });
  const slots = [...held.values()].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  if (options.window === 'lifetime') return slots;
  const run: TermSlot[] = [];
  let next: TermSlot = options.forTerm;
  for (;;) {
    const previous = slots.filter((slot) => isPrecedingTerm(slot, next)).at(-1);
    if (!previous) return run.reverse();
    run.push(previous);
    next = previous;
  }
}
