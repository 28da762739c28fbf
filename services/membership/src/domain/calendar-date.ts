/** The calendar day of an instant in Türkiye (UTC+3, no daylight saving since 2016), as YYYY-MM-DD. */
export function toCalendarDate(instant: Date): string {
  return new Date(instant.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the Date Prisma stores in a DATE column (midnight UTC). */
export function fromCalendarDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((fromCalendarDate(to).getTime() - fromCalendarDate(from).getTime()) / 86_400_000);
}
