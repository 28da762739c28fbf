import type { Office } from '@konsey/contracts';
import type { Reason } from './reason.js';

/** How reasons name an office held: English noun phrase, Turkish in the accusative ("…-ı yürüttü"). */
export const OFFICE_HELD: Record<Office, Reason> = {
  president: { tr: 'Kent Konseyi başkanlığını', en: 'president' },
  'executive-board': { tr: 'Yürütme Kurulu üyeliğini', en: 'executive-board seat' },
  'secretary-general': { tr: 'genel sekreterliği', en: 'secretary-general' },
  facilitator: { tr: 'kolaylaştırıcılığı', en: 'facilitator' },
  'co-spokesperson': { tr: 'eş sözcülüğü', en: 'co-spokesperson' },
};

/** "a", "a and b", "a, b and c" (or "ve" in Turkish). */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
