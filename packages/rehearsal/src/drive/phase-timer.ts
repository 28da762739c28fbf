/** Latencies per phase (admission, sign-in, casting…) and the phase's wall-clock span. */
export interface PhaseFigures {
  phase: string;
  requests: number;
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

export class PhaseTimer {
  private readonly samples = new Map<string, number[]>();
  private readonly spans = new Map<string, { start: number; end: number }>();

  record(phase: string, ms: number): void {
    const now = performance.now();
    const list = this.samples.get(phase) ?? [];
    list.push(ms);
    this.samples.set(phase, list);
    const span = this.spans.get(phase);
    if (!span) this.spans.set(phase, { start: now - ms, end: now });
    else span.end = now;
  }

  figures(): PhaseFigures[] {
    return [...this.samples.entries()].map(([phase, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const span = this.spans.get(phase)!;
      const seconds = Math.max((span.end - span.start) / 1000, 0.001);
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        phase,
        requests: list.length,
        seconds: round(seconds),
        perSecond: round(list.length / seconds),
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    });
  }
}
