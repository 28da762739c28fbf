/** A YYYY-MM-DD day as midnight UTC, for arithmetic on whole days. */
function toUtcMidnight(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getTime();
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}
