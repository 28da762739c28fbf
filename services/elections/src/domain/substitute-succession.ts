import type { Gender } from '@konsey/contracts';
import { type ReservedGender, isReservedGender } from './candidate-total.js';
import type { ShortfallSetting } from './election-settings.js';
import { GENDER_PLURAL } from './gender-names.js';
import type { Reason } from './reason.js';

/** A substitute still waiting, in the ranked list of the election. */
export interface WaitingSubstitute {
  memberId: string;
  gender: Gender;
  /** Rank in the substitute list (1 = highest); ranks of those who already moved up are simply absent. */
  rank: number;
}

/** The full member who leaves, and what their place was reserved for in the allocation. */
export interface LeavingMember {
  memberId: string;
  gender: Gender;
  /** `reservedFor` of the member's placement; null when the place was open to all. */
  reservedFor: ReservedGender | null;
}

/**
 * Which rule chose the successor:
 * - `same-gender`: the highest-ranked substitute of the leaving member's gender (the DOMAIN.md rule);
 * - `open-to`: none of that gender was left (or the member was of other or undisclosed gender), so the
 *   highest-ranked substitute to whom the place was open in the election: of other or undisclosed
 *   gender, or of the gender the place was reserved for, or anyone when it was reserved for nobody;
 * - `fill-from-others`: nobody the place was open to was left and the election's shortfall setting is
 *   `fill-from-others`, so the highest-ranked substitute of any gender (parity is not kept; reported).
 */
export type SuccessionBasis = 'same-gender' | 'open-to' | 'fill-from-others';

/** The change to record when a full member leaves. */
export type SeatSuccession =
  | {
      kind: 'succeeded';
      leaving: string;
      successor: WaitingSubstitute;
      basis: SuccessionBasis;
      parityKept: boolean;
      /** The substitutes still waiting, ranks unchanged. */
      remaining: WaitingSubstitute[];
      reason: Reason;
    }
  | {
      kind: 'vacant';
      leaving: string;
      code: 'no-substitute' | 'no-substitute-of-gender';
      remaining: WaitingSubstitute[];
      reason: Reason;
    };

/**
 * When a full member leaves, the highest-ranked remaining substitute of the same gender takes the seat,
 * so parity survives. Fallbacks, in order: the highest-ranked substitute the place was open to in the
 * election (see {@link SuccessionBasis}); then, under `shortfall: fill-from-others`, the highest-ranked
 * substitute of any gender; under `leave-vacant` the seat stays vacant. A member of other or undisclosed
 * gender is succeeded directly by the `open-to` rule.
 */
export function succeedToSeat(options: {
  leaving: LeavingMember;
  substitutes: readonly WaitingSubstitute[];
  shortfall: ShortfallSetting;
}): SeatSuccession {
  const { leaving, shortfall } = options;
  const ranked = [...options.substitutes].sort((a, b) => a.rank - b.rank);
  const sameGender = isReservedGender(leaving.gender)
    ? ranked.find((substitute) => substitute.gender === leaving.gender)
    : undefined;
  const openTo = ranked.find(
    (substitute) =>
      !isReservedGender(substitute.gender) ||
      leaving.reservedFor === null ||
      substitute.gender === leaving.reservedFor,
  );
  const anyone = shortfall === 'fill-from-others' ? ranked[0] : undefined;
  const [successor, basis]: [WaitingSubstitute | undefined, SuccessionBasis] = sameGender
    ? [sameGender, 'same-gender']
    : openTo
      ? [openTo, 'open-to']
      : [anyone, 'fill-from-others'];

  if (!successor) {
    const gender = isReservedGender(leaving.gender) ? GENDER_PLURAL[leaving.gender] : undefined;
    return {
      kind: 'vacant',
      leaving: leaving.memberId,
      code: ranked.length === 0 ? 'no-substitute' : 'no-substitute-of-gender',
      remaining: ranked,
      reason:
        ranked.length === 0
          ? {
              tr: 'Sırada yedek üye kalmadı; koltuk boş kalır',
              en: 'No substitute is left; the seat stays vacant',
            }
          : {
              tr: `Sırada ${gender?.tr ?? 'uygun'} yedek kalmadı; ayar gereği koltuk boş kalır`,
              en: `No substitute ${gender ? `among ${gender.en}` : 'the place was open to'} is left; the setting leaves the seat vacant`,
            },
    };
  }
  const parityKept = basis !== 'fill-from-others';
  const reasons: Record<SuccessionBasis, Reason> = {
    'same-gender': {
      tr: `${leaving.memberId} ayrıldı; aynı cinsiyetten en üst sıradaki yedek ${successor.memberId} (${successor.rank}. sıra) asil üye oldu`,
      en: `${leaving.memberId} left; ${successor.memberId}, the highest-ranked substitute of the same gender (rank ${successor.rank}), takes the seat`,
    },
    'open-to': {
      tr: `${leaving.memberId} ayrıldı; koltuğun açık olduğu en üst sıradaki yedek ${successor.memberId} (${successor.rank}. sıra) asil üye oldu`,
      en: `${leaving.memberId} left; ${successor.memberId}, the highest-ranked substitute the seat was open to (rank ${successor.rank}), takes the seat`,
    },
    'fill-from-others': {
      tr: `${leaving.memberId} ayrıldı; aynı cinsiyetten yedek kalmadığı için en üst sıradaki yedek ${successor.memberId} (${successor.rank}. sıra) asil üye oldu; cinsiyet dengesi korunamadı`,
      en: `${leaving.memberId} left; no substitute of the same gender is left, so ${successor.memberId}, the highest-ranked substitute (rank ${successor.rank}), takes the seat; parity is not kept`,
    },
  };
  return {
    kind: 'succeeded',
    leaving: leaving.memberId,
    successor,
    basis,
    parityKept,
    remaining: ranked.filter((substitute) => substitute !== successor),
    reason: reasons[basis],
  };
}
