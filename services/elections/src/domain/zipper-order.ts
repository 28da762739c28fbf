import type { Placement, Vacancy } from './allocation-result.js';
import {
  type CandidateTotal,
  type ReservedGender,
  isReservedGender,
  otherReservedGender,
} from './candidate-total.js';
import { type ListFill, type ListFillOptions, shortfallReport, vacancy } from './list-fill.js';

/**
 * Fill a list by the zipper (fermuar). The pool must already be in rank order (most votes first, ties
 * broken). The rule, place by place:
 *
 * 1. The *lead gender* is the gender of the highest-ranked woman or man in the pool (the overall top
 *    vote-getter, unless that is a candidate of other or undisclosed gender). Places alternate between
 *    a place reserved for the lead gender and one reserved for the other, so with an odd number of
 *    places the lead gender has the extra one.
 * 2. A place reserved for gender G is closed to the other binary gender only. It goes to whichever ranks
 *    higher: the best remaining candidate of G, or the best remaining candidate of other or undisclosed
 *    gender. When it goes to G, the alternation moves on; when it goes to a candidate of other or
 *    undisclosed gender, it does not (the next place is again reserved for G). Hence: take the members
 *    of other or undisclosed gender out of the list, and what remains is exactly a zipper of women and
 *    men over the remaining places, led by the lead gender.
 * 3. When no candidate of G and none of other or undisclosed gender is left: under `fill-from-others`
 *    the place goes to the best remaining candidate of the other gender (reported as a shortfall);
 *    under `leave-vacant` it stays empty (reported). Either way the alternation moves on. Under
 *    `leave-vacant` a remaining candidate of other or undisclosed gender still takes the place (rule 2).
 * 4. With no woman or man in the pool, every place is open and goes by rank.
 */
export function zipperOrder(options: ListFillOptions): ListFill {
  const { pool, size, seat, shortfall } = options;
  const queues: Record<ReservedGender | 'open', CandidateTotal[]> = {
    female: pool.filter((candidate) => candidate.gender === 'female'),
    male: pool.filter((candidate) => candidate.gender === 'male'),
    open: pool.filter((candidate) => !isReservedGender(candidate.gender)),
  };
  const rank = new Map(pool.map((candidate, index) => [candidate.candidateId, index]));
  const better = (a: CandidateTotal | undefined, b: CandidateTotal | undefined) =>
    a && (!b || rank.get(a.candidateId)! < rank.get(b.candidateId)!) ? a : b;
  const lead = pool.find((candidate) => isReservedGender(candidate.gender))?.gender as
    ReservedGender | undefined;

  const placements: Placement[] = [];
  const vacancies: Vacancy[] = [];
  const filledFromOthers: Record<ReservedGender, number> = { female: 0, male: 0 };
  const leftVacant: Record<ReservedGender, number> = { female: 0, male: 0 };
  let turn = 0;
  for (let position = 1; position <= size; position += 1) {
    const place = (
      candidate: CandidateTotal,
      reservedFor: ReservedGender | null,
      basis: Placement['basis'],
    ) => {
      placements.push({ ...candidate, position, reservedFor, basis });
      const queue = queues[isReservedGender(candidate.gender) ? candidate.gender : 'open'];
      queue.splice(queue.indexOf(candidate), 1);
    };
    if (!lead) {
      const next = queues.open[0];
      if (next) place(next, null, 'open');
      else vacancies.push(vacancy(seat, position, null));
      continue;
    }
    const reserved: ReservedGender = turn % 2 === 0 ? lead : otherReservedGender(lead);
    const other = otherReservedGender(reserved);
    const own = queues[reserved][0];
    const open = queues.open[0];
    const byRight = better(own, open);
    if (byRight) {
      place(byRight, reserved, byRight === own ? 'reserved' : 'open');
      if (byRight === own) turn += 1;
      continue;
    }
    const fill = shortfall === 'fill-from-others' ? queues[other][0] : undefined;
    if (fill) {
      place(fill, reserved, 'fill-from-others');
      filledFromOthers[reserved] += 1;
    } else {
      vacancies.push(vacancy(seat, position, reserved));
      leftVacant[reserved] += 1;
    }
    turn += 1;
  }
  const shortfalls = (['female', 'male'] as const).flatMap((gender) =>
    shortfallReport(seat, gender, filledFromOthers[gender], leftVacant[gender]),
  );
  return { placements, vacancies, shortfalls };
}
