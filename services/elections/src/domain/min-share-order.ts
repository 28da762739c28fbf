import type { Placement, Vacancy } from './allocation-result.js';
import type { CandidateTotal, ReservedGender } from './candidate-total.js';
import { type ListFill, type ListFillOptions, shortfallReport, vacancy } from './list-fill.js';

/**
 * Fill a list under a minimum share. The pool must already be in rank order. The rule:
 *
 * 1. Women and men each have `floor(size × minShare)` reserved places, taken by the best-ranked
 *    candidates of that gender (only women and men can hold them).
 * 2. The remaining places are open to every candidate, of any gender, and go by rank.
 * 3. When a gender has fewer candidates than reserved places: under `fill-from-others` the missing
 *    places become open and go by rank (reported); under `leave-vacant` they stay empty (reported).
 * 4. The list is shown in rank order, then the vacant places.
 */
export function minShareOrder(options: ListFillOptions & { minShare: number }): ListFill {
  const { pool, size, seat, shortfall } = options;
  const quota = Math.floor(size * options.minShare + 1e-9);
  const reservedPicks = new Map<string, ReservedGender>();
  const missing: Record<ReservedGender, number> = { female: 0, male: 0 };
  for (const gender of ['female', 'male'] as const) {
    const ofGender = pool.filter((candidate) => candidate.gender === gender).slice(0, quota);
    for (const candidate of ofGender) reservedPicks.set(candidate.candidateId, gender);
    missing[gender] = quota - ofGender.length;
  }
  const totalMissing = missing.female + missing.male;
  const openPlaces = size - 2 * quota;
  const openAndFill = openPlaces + (shortfall === 'fill-from-others' ? totalMissing : 0);
  const openPicks = pool
    .filter((candidate) => !reservedPicks.has(candidate.candidateId))
    .slice(0, openAndFill);
  const openIds = new Set(openPicks.map((candidate) => candidate.candidateId));
  // Places filled from others are the lowest-ranked open picks beyond the genuinely open places.
  const fillers = openPicks.slice(Math.max(openPlaces, 0));
  const fillFor: ReservedGender[] = [
    ...Array<ReservedGender>(missing.female).fill('female'),
    ...Array<ReservedGender>(missing.male).fill('male'),
  ];
  const fillerGender = new Map(fillers.map((candidate, index) => [candidate.candidateId, fillFor[index]!]));

  const placements: Placement[] = pool
    .filter((candidate) => reservedPicks.has(candidate.candidateId) || openIds.has(candidate.candidateId))
    .map((candidate: CandidateTotal, index) => {
      const reserved = reservedPicks.get(candidate.candidateId);
      const filler = fillerGender.get(candidate.candidateId);
      return {
        ...candidate,
        position: index + 1,
        reservedFor: reserved ?? filler ?? null,
        basis: reserved ? 'reserved' : filler ? 'fill-from-others' : 'open',
      };
    });

  const vacancies: Vacancy[] = [];
  const vacantFor: (ReservedGender | null)[] = [];
  if (shortfall === 'leave-vacant') {
    vacantFor.push(...Array<ReservedGender>(missing.female).fill('female'));
    vacantFor.push(...Array<ReservedGender>(missing.male).fill('male'));
  } else {
    vacantFor.push(...fillFor.slice(fillers.length));
  }
  while (placements.length + vacantFor.length < size) vacantFor.push(null);
  vacantFor.forEach((gender, index) => vacancies.push(vacancy(seat, placements.length + index + 1, gender)));

  const shortfalls = (['female', 'male'] as const).flatMap((gender) => {
    const vacant = vacantFor.filter((vacantGender) => vacantGender === gender).length;
    return shortfallReport(seat, gender, missing[gender] - vacant, vacant);
  });
  return { placements, vacancies, shortfalls };
}
