/** Why a scenario is refused: where (a JSON Pointer into the file) and what, in Turkish and English. */
export interface ScenarioProblem {
  /** JSON Pointer of the failing place, e.g. `/elections/0/rounds/1/ballots/2/count`; `` is the whole file. */
  path: string;
  /** Machine code, e.g. `schema.required`, `unknown-ref`, `ballots-exceed-electorate`. */
  code: string;
  tr: string;
  en: string;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
  }
}

/** One line per problem: `path: Türkçe / English`. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `  ${p.path || '/'}: ${p.tr} / ${p.en}`).join('\n');
}

/** A JSON Pointer from path segments (RFC 6901 escaping). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
