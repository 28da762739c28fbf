/** A PostgreSQL DATE as Prisma returns it (midnight UTC) to `YYYY-MM-DD`, and back. */
export function toCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromCalendarDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** Today in the council's time zone (Türkiye, UTC+3 all year). */
export function todayInTurkey(now: Date = new Date()): string {
  return toCalendarDate(new Date(now.getTime() + 3 * 60 * 60 * 1000));
}

/** `2026-12-01` as `01.12.2026`, the way Turkish official letters write dates. */
export function turkishDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}.${month}.${year}`;
}
