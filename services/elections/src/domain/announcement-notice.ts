import { daysBetween } from './calendar-day.js';
import type { Reason } from './reason.js';

export type AnnouncementNotice =
  | { ok: true; daysOfNotice: number }
  | { ok: false; code: 'short-notice'; daysOfNotice: number; latestAnnouncementDay: string; reason: Reason };

/**
 * An elective General Assembly is announced at least `announcementDays` whole days before the voting
 * day (15 by default; a court suspended an election that broke this). Days are YYYY-MM-DD; announcing
 * on 1 March for 16 March is 15 days' notice.
 */
export function checkAnnouncementNotice(options: {
  announcedOn: string;
  votingDay: string;
  announcementDays: number;
}): AnnouncementNotice {
  const daysOfNotice = daysBetween(options.announcedOn, options.votingDay);
  if (daysOfNotice >= options.announcementDays) return { ok: true, daysOfNotice };
  const latest = new Date(`${options.votingDay}T00:00:00.000Z`);
  latest.setUTCDate(latest.getUTCDate() - options.announcementDays);
  const latestAnnouncementDay = latest.toISOString().slice(0, 10);
  return {
    ok: false,
    code: 'short-notice',
    daysOfNotice,
    latestAnnouncementDay,
    reason: {
      tr: `Seçim oylama gününden en az ${options.announcementDays} gün önce ilan edilmeli (en geç ${latestAnnouncementDay}); ${daysOfNotice} gün kalmış`,
      en: `The election must be announced at least ${options.announcementDays} days before the voting day (by ${latestAnnouncementDay}); only ${daysOfNotice} days remain`,
    },
  };
}
