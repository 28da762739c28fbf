import { daysBetween } from './calendar-date.js';

export interface RepresentativeChangeTiming {
  /** The first day the new representative acts for the institution. */
  effectiveFrom: string;
  /** The General Assembly at which the previous representative still votes, when the notice came too late. */
  deferredPast?: string;
}

/**
 * A change of representative must reach the council at least `noticeDays` days before a General
 * Assembly to count at it (a council setting, five days in İzmir). A later notice takes effect the day
 * after that assembly; with no assembly too close, it takes effect on the day it was notified.
 */
export function representativeChangeTiming(options: {
  notifiedOn: string;
  generalAssemblies: readonly string[];
  noticeDays: number;
}): RepresentativeChangeTiming {
  const tooClose = [...options.generalAssemblies].sort().filter((heldOn) => {
    const days = daysBetween(options.notifiedOn, heldOn);
    return days >= 0 && days < options.noticeDays;
  });
  const last = tooClose.at(-1);
  if (!last) return { effectiveFrom: options.notifiedOn };
  const next = new Date(`${last}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { effectiveFrom: next.toISOString().slice(0, 10), deferredPast: last };
}
