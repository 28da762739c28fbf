import type { z } from 'zod';
import { ConfigError } from './config-error.js';

export type Env = Record<string, string | undefined>;

/**
 * Parse the environment once at start-up. Empty strings count as unset, so `FOO=` in a shell behaves
 * like no `FOO` at all. Every problem is reported at once, each naming its variable.
 */
export function loadConfig<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Env = process.env,
  defaults: Env = {},
): z.infer<Schema> {
  const set = (values: Env) =>
    Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
  const cleaned = Object.fromEntries([...set(defaults), ...set(env)]);
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const given = cleaned[variable];
    const shown =
      given === undefined ? 'not set' : `got "${given.length > 40 ? `${given.slice(0, 40)}…` : given}"`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(service, problems);
}
