import { readFile } from 'node:fs/promises';
import { checkSemantics } from './check-semantics.js';
import { checkShape } from './check-shape.js';
import { ScenarioError } from './scenario-problem.js';
import type { Scenario } from './scenario-types.js';

/** Check a parsed document: the schema first, then (only if it passes) the semantic rules. */
export function parseScenario(document: unknown): Scenario {
  const shape = checkShape(document);
  if (shape.length) throw new ScenarioError(shape);
  const scenario = document as Scenario;
  const semantic = checkSemantics(scenario);
  if (semantic.length) throw new ScenarioError(semantic);
  return scenario;
}

/** Read, parse and check a scenario file; refuses it with every failing place named. */
export async function loadScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScenarioError([
      {
        path: '',
        code: 'unreadable',
        tr: `dosya okunamadı (${(error as Error).message})`,
        en: `cannot read the file (${(error as Error).message})`,
      },
    ]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([
      {
        path: '',
        code: 'not-json',
        tr: `geçerli JSON değil (${(error as Error).message})`,
        en: `not valid JSON (${(error as Error).message})`,
      },
    ]);
  }
  return parseScenario(document);
}
