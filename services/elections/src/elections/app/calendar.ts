/** A YYYY-MM-DD day as the Date Prisma stores in a DATE column. */
export function toDay(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** The YYYY-MM-DD of a Date (UTC). */
export function dayOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** `day` moved by whole days or years. */
export function addToDay(day: string, amount: { days?: number; years?: number }): string {
  const date = toDay(day);
  date.setUTCFullYear(date.getUTCFullYear() + (amount.years ?? 0));
  date.setUTCDate(date.getUTCDate() + (amount.days ?? 0));
  return dayOf(date);
}
