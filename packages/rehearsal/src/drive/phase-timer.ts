/** Latencies per phase (admission, sign-in, casting…) and its throughput while it was busy. */
export interface PhaseFigures {
  phase: string;
  requests: number;
  /** Seconds in which requests of this phase were in flight (pauses between rounds left out). */
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Total length of the union of intervals (ms). */
export function busyTime(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = sorted[0] ?? [0, 0];
  for (const [s, e] of sorted.slice(1)) {
    if (s > end) {
      total += end - start;
      [start, end] = [s, e];
    } else end = Math.max(end, e);
  }
  return total + (end - start);
}

export class PhaseTimer {
  private readonly samples = new Map<string, [number, number][]>();

  record(phase: string, ms: number): void {
    const now = performance.now();
    const list = this.samples.get(phase) ?? [];
    list.push([now - ms, now]);
    this.samples.set(phase, list);
  }

  figures(): PhaseFigures[] {
    const round = (n: number) => Math.round(n * 10) / 10;
    return [...this.samples.entries()].map(([phase, intervals]) => {
      const sorted = intervals.map(([s, e]) => e - s).sort((a, b) => a - b);
      const seconds = Math.max(busyTime(intervals) / 1000, 0.001);
      return {
        phase,
        requests: intervals.length,
        seconds: round(seconds),
        perSecond: round(intervals.length / seconds),
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    });
  }
}
