import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the JSON Schema of the scenario format lives (shipped with the package). */
export const SCENARIO_SCHEMA_PATH = fileURLToPath(
  new URL('../../schema/scenario.v1.schema.json', import.meta.url),
);

/** The JSON Schema of scenario format version 1. */
export function scenarioSchema(): object {
  return JSON.parse(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')) as object;
}
