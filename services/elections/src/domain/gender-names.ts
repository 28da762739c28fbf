import type { ReservedGender } from './candidate-total.js';
import type { Reason } from './reason.js';

/** How reasons name the people of a reserved gender (plural). */
export const GENDER_PLURAL: Record<ReservedGender, Reason> = {
  female: { tr: 'kadınlar', en: 'women' },
  male: { tr: 'erkekler', en: 'men' },
};

/** How reasons name the places of a list. */
export const SEAT_LIST: Record<'full' | 'substitute', Reason> = {
  full: { tr: 'asil üyelik', en: 'full seat' },
  substitute: { tr: 'yedek üyelik', en: 'substitute place' },
};
