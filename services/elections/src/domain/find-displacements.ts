import type { Seat } from '@konsey/contracts';
import type { Displacement, Placement } from './allocation-result.js';
import type { CandidateTotal } from './candidate-total.js';
import { GENDER_PLURAL, SEAT_LIST } from './gender-names.js';

/**
 * Every candidate of the pool left out of the list although they received more votes than someone in
 * it. Each is paired with the lowest-ranked member of the list who has fewer votes and holds a place
 * closed to the passed-over candidate's gender (reserved for the other gender). Parity rules never pass
 * anyone over otherwise; a passed-over candidate without such a pair would be a bug and is reported
 * with the lowest-ranked member with fewer votes, so that tests see it.
 */
export function findDisplacements(options: {
  pool: readonly CandidateTotal[];
  placements: readonly Placement[];
  seat: Seat;
  code: Displacement['code'];
}): Displacement[] {
  const placed = new Set(options.placements.map((placement) => placement.candidateId));
  const rank = new Map(options.pool.map((candidate, index) => [candidate.candidateId, index]));
  const byRankDescending = [...options.placements].sort(
    (a, b) => rank.get(b.candidateId)! - rank.get(a.candidateId)!,
  );
  const list = SEAT_LIST[options.seat];
  return options.pool
    .filter((candidate) => !placed.has(candidate.candidateId))
    .flatMap((passedOver) => {
      const fewer = byRankDescending.filter((placement) => placement.votes < passedOver.votes);
      const holder =
        fewer.find(
          (placement) => placement.reservedFor !== null && placement.reservedFor !== passedOver.gender,
        ) ?? fewer[0];
      if (!holder) return [];
      const { candidateId, gender, votes, position, reservedFor } = holder;
      const reservedNames = reservedFor ? GENDER_PLURAL[reservedFor] : { tr: 'herkes', en: 'everyone' };
      return [
        {
          seat: options.seat,
          passedOver: {
            candidateId: passedOver.candidateId,
            gender: passedOver.gender,
            votes: passedOver.votes,
          },
          inFavourOf: { candidateId, gender, votes, position, reservedFor },
          code: options.code,
          reason: {
            tr:
              `${passedOver.candidateId} (${passedOver.votes} oy) ${list.tr} listesine giremedi; ` +
              `${reservedNames.tr} için ayrılan ${position}. sıra cinsiyet dengesi gereği ${candidateId} (${votes} oy) adayına verildi`,
            en:
              `${passedOver.candidateId} (${passedOver.votes} votes) was passed over for the ${list.en} list; ` +
              `place ${position}, reserved for ${reservedNames.en} under the parity rule, went to ${candidateId} (${votes} votes)`,
          },
        },
      ];
    });
}
