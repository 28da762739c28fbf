import type { Vacancy } from './allocation-result.js';
import { type ListFill, type ListFillOptions, vacancy } from './list-fill.js';

/** Fill a list by rank alone (`parity: none`); places beyond the last candidate stay vacant. */
export function voteOrder(options: ListFillOptions): ListFill {
  const placements = options.pool.slice(0, options.size).map((candidate, index) => ({
    ...candidate,
    position: index + 1,
    reservedFor: null,
    basis: 'open' as const,
  }));
  const vacancies: Vacancy[] = [];
  for (let position = placements.length + 1; position <= options.size; position += 1)
    vacancies.push(vacancy(options.seat, position, null));
  return { placements, vacancies, shortfalls: [] };
}
