/** One motion as the report reads it: dates as `YYYY-MM-DD`. */
export interface ReportedMotion {
  state: string;
  topic: string;
  createdOn: string;
  adoptedOn: string | null;
  decidedOn: string | null;
  municipalOutcome: string | null;
  overdue: boolean;
}

export interface ReportGroup {
  year: number;
  topic: string;
  motions: number;
  byState: Record<string, number>;
  adopted: number;
  /** Final municipal decisions (a referral to a commission is not one). */
  decided: number;
  accepted: number;
  /** Accepted or amended among the final decisions; null when there is none. */
  acceptedShare: number | null;
  /** Mean days from adoption by the General Assembly to the municipal decision. */
  averageDaysToDecision: number | null;
  overdue: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const round = (value: number) => Math.round(value * 1000) / 1000;

/** Motions per state, time from adoption to decision, the share accepted and the overdue, per year and topic. */
export function summarizeMotions(motions: readonly ReportedMotion[]): {
  total: ReportGroup;
  groups: ReportGroup[];
} {
  const groups = new Map<string, ReportedMotion[]>();
  for (const motion of motions) {
    const key = `${motion.createdOn.slice(0, 4)}|${motion.topic}`;
    groups.set(key, [...(groups.get(key) ?? []), motion]);
  }
  const summarize = (year: number, topic: string, list: readonly ReportedMotion[]): ReportGroup => {
    const finals = list.filter(
      (m) => m.decidedOn && m.municipalOutcome && m.municipalOutcome !== 'referred-to-commission',
    );
    const accepted = finals.filter(
      (m) => m.municipalOutcome === 'accepted' || m.municipalOutcome === 'amended',
    ).length;
    const timed = finals.filter((m) => m.adoptedOn);
    const byState: Record<string, number> = {};
    for (const motion of list) byState[motion.state] = (byState[motion.state] ?? 0) + 1;
    return {
      year,
      topic,
      motions: list.length,
      byState,
      adopted: list.filter((m) => m.adoptedOn).length,
      decided: finals.length,
      accepted,
      acceptedShare: finals.length ? round(accepted / finals.length) : null,
      averageDaysToDecision: timed.length
        ? round(timed.reduce((sum, m) => sum + days(m.adoptedOn!, m.decidedOn!), 0) / timed.length)
        : null,
      overdue: list.filter((m) => m.overdue).length,
    };
  };
  return {
    total: summarize(0, 'all', motions),
    groups: [...groups.entries()]
      .map(([key, list]) => {
        const [year, topic] = key.split('|') as [string, string];
        return summarize(Number(year), topic, list);
      })
      .sort((a, b) => a.year - b.year || a.topic.localeCompare(b.topic)),
  };
}
