import type { SuiteEndpoints } from '../suite/suite-endpoints.js';
import type { PhaseTimer } from './phase-timer.js';

// Answers are read loosely: each caller states the fields it uses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A refused request: the service's problem document, kept for the report. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: Json | undefined,
    text: string,
  ) {
    super(`${method} ${path} → ${status}: ${text.slice(0, 600)}`);
    this.name = 'ApiError';
  }
  /** The machine codes of the problem: `code` and each `errors[].code`. */
  get codes(): string[] {
    const errors = (this.problem?.errors as { code?: string }[] | undefined) ?? [];
    return errors.map((e) => e.code).filter((c): c is string => typeof c === 'string');
  }
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** A raw body with its media type (CSV, a PDF). */
  raw?: { contentType: string; data: string | Uint8Array };
  headers?: Record<string, string>;
  /** Statuses answered without throwing (beside 2xx). */
  allow?: number[];
  /** Phase to time this call under. */
  phase?: string;
}

export interface Answer {
  status: number;
  body: Json;
  text: string;
}

/** The public HTTP APIs of the four services, as a member's device or a staff browser calls them. */
export class Api {
  constructor(
    readonly endpoints: SuiteEndpoints,
    private readonly timer?: PhaseTimer,
  ) {}

  async call(
    service: keyof SuiteEndpoints,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { 'accept-language': 'tr', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.data;
    } else if (options.body !== undefined || method === 'POST' || method === 'PUT') {
      // Routes without a body still take JSON (an empty object), as a browser's fetch would send it.
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
    const started = performance.now();
    let response: Response | undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        response = await fetch(`${this.endpoints[service]}${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body: body as string } : {}),
        });
        break;
      } catch (error) {
        // A connection reset under load: try again a few times, then give up.
        if (attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
    let text = await response.text();
    // A read that failed inside the service (e.g. the embedded database's single session losing a
    // prepared statement to a background worker's query) is read again, as a browser's retry would.
    for (let retry = 1; method === 'GET' && response.status >= 500 && retry <= 3; retry += 1) {
      await new Promise((r) => setTimeout(r, 300 * retry));
      response = await fetch(`${this.endpoints[service]}${path}`, { method, headers });
      text = await response.text();
    }
    if (options.phase) this.timer?.record(options.phase, performance.now() - started);
    let parsed: Json;
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      parsed = {};
    }
    if (!response.ok && !(options.allow ?? []).includes(response.status))
      throw new ApiError(method, path, response.status, parsed, text);
    return { status: response.status, body: parsed, text };
  }

  async json(
    service: keyof SuiteEndpoints,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Json> {
    return (await this.call(service, method, path, options)).body;
  }
}

/** Poll until `done` holds, or fail naming what was awaited and the last value seen. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `zamanında olmadı / not reached in time: ${what}; last: ${JSON.stringify(value).slice(0, 400)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Run `work` over `items` with at most `limit` at once, keeping the order of results. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}
