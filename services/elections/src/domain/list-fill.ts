import type { Seat } from '@konsey/contracts';
import type { Placement, Shortfall, Vacancy } from './allocation-result.js';
import type { CandidateTotal, ReservedGender } from './candidate-total.js';
import { GENDER_PLURAL, SEAT_LIST } from './gender-names.js';
import type { ShortfallSetting } from './election-settings.js';

/** One list (full seats or substitutes) as a parity rule fills it, before displacements are found. */
export interface ListFill {
  placements: Placement[];
  vacancies: Vacancy[];
  shortfalls: Shortfall[];
}

/** What every parity rule is given: the pool already in final rank order (votes, then tie-break). */
export interface ListFillOptions {
  pool: readonly CandidateTotal[];
  size: number;
  seat: Seat;
  shortfall: ShortfallSetting;
}

/** A vacancy with its reason. */
export function vacancy(seat: Seat, position: number, reservedFor: ReservedGender | null): Vacancy {
  const list = SEAT_LIST[seat];
  if (!reservedFor)
    return {
      seat,
      position,
      reservedFor,
      reason: {
        tr: `${position}. ${list.tr} boş kaldı: aday kalmadı`,
        en: `${list.en} ${position} left vacant: no candidate left`,
      },
    };
  const gender = GENDER_PLURAL[reservedFor];
  return {
    seat,
    position,
    reservedFor,
    reason: {
      tr: `${gender.tr} için ayrılan ${position}. ${list.tr} boş bırakıldı: ${gender.tr} arasında aday kalmadı`,
      en: `${list.en} ${position}, reserved for ${gender.en}, left vacant: no candidate among ${gender.en} left`,
    },
  };
}

/** A shortfall report for one gender, or nothing when it missed no place. */
export function shortfallReport(
  seat: Seat,
  gender: ReservedGender,
  filled: number,
  vacant: number,
): Shortfall[] {
  const missing = filled + vacant;
  if (missing === 0) return [];
  const names = GENDER_PLURAL[gender];
  const list = SEAT_LIST[seat];
  const resolution = vacant > 0 ? 'left-vacant' : 'filled-from-others';
  const how =
    vacant === 0
      ? { tr: 'diğer adaylardan oy sırasıyla dolduruldu', en: 'filled from the other candidates by votes' }
      : filled === 0
        ? { tr: 'boş bırakıldı', en: 'left vacant' }
        : {
            tr: `${filled} tanesi diğer adaylardan dolduruldu, ${vacant} tanesi boş kaldı`,
            en: `${filled} filled from the other candidates, ${vacant} left vacant`,
          };
  return [
    {
      seat,
      gender,
      missing,
      resolution,
      reason: {
        tr: `${names.tr} için ayrılan ${missing} ${list.tr} yeri için yeterli aday yoktu; ${how.tr}`,
        en: `not enough ${names.en} stood for ${missing} ${list.en}(s) reserved for them; ${how.en}`,
      },
    },
  ];
}
