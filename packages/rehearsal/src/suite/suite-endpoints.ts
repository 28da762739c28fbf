/** Where the four services answer. */
export interface SuiteEndpoints {
  membership: string;
  elections: string;
  motions: string;
  notifications: string;
}

export const SERVICES = ['membership', 'elections', 'motions', 'notifications'] as const;
export type SuiteService = (typeof SERVICES)[number];

/**
 * `--url` forms: one base URL with the default ports (`http://host` → 4001–4004 on that host), or the
 * four services named (`membership=http://…,elections=http://…,motions=http://…,notifications=http://…`).
 */
export function parseSuiteUrl(value: string): SuiteEndpoints {
  if (value.includes('=')) {
    const pairs = Object.fromEntries(
      value.split(',').map((pair) => {
        const [name, url] = pair.split('=', 2) as [string, string | undefined];
        return [name.trim(), url?.trim().replace(/\/+$/, '')];
      }),
    );
    const missing = SERVICES.filter((service) => !pairs[service]);
    if (missing.length) throw new Error(`--url: eksik servis / missing service(s): ${missing.join(', ')}`);
    return pairs as unknown as SuiteEndpoints;
  }
  const base = new URL(value);
  const at = (port: number) => `${base.protocol}//${base.hostname}:${port}`;
  return { membership: at(4001), elections: at(4002), motions: at(4003), notifications: at(4004) };
}
