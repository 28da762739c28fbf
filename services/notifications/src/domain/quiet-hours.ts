/** Türkiye keeps UTC+3 all year (no daylight saving since 2016). */
const TURKIYE_OFFSET_MS = 3 * 3600_000;

/**
 * When an optional SMS created at `now` may go out: `now`, or the end of the quiet hours (Türkiye time)
 * when `now` falls inside them. `from`–`to` may wrap midnight (22–8).
 */
export function quietHoursEnd(now: Date, quiet: { from: number; to: number }): Date {
  if (quiet.from === quiet.to) return now;
  const local = new Date(now.getTime() + TURKIYE_OFFSET_MS);
  const hour = local.getUTCHours();
  const inside =
    quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
  if (!inside) return now;
  const end = new Date(local);
  end.setUTCHours(quiet.to, 0, 0, 0);
  if (end.getTime() <= local.getTime()) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - TURKIYE_OFFSET_MS);
}
