import AjvModule, { type ErrorObject } from 'ajv';
import { scenarioSchema } from './scenario-schema.js';
import { pointer, type ScenarioProblem } from './scenario-problem.js';

// ajv ships CommonJS: under native ESM the class is the default export's `default`.
type AjvClass = typeof AjvModule.default;
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;

let compiled: ReturnType<InstanceType<AjvClass>['compile']> | undefined;
function validator() {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(scenarioSchema());
  return compiled;
}

/** Turkish and English words for one ajv error. */
function describe(error: ErrorObject): { tr: string; en: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { tr: 'bu alan zorunlu', en: 'this field is required' };
    case 'additionalProperties':
      return { tr: 'bilinmeyen alan', en: 'unknown field' };
    case 'type':
      return { tr: `türü ${String(p.type)} olmalı`, en: `must be of type ${String(p.type)}` };
    case 'enum':
      return {
        tr: `şunlardan biri olmalı: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        en: `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return {
        tr: `${JSON.stringify(p.allowedValue)} olmalı`,
        en: `must be ${JSON.stringify(p.allowedValue)}`,
      };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, [string, string]> = {
        minimum: ['en az', 'at least'],
        exclusiveMinimum: ['şundan büyük', 'greater than'],
        maximum: ['en çok', 'at most'],
        exclusiveMaximum: ['şundan küçük', 'less than'],
      };
      const [tr, en] = words[error.keyword]!;
      return { tr: `${tr} ${String(p.limit)} olmalı`, en: `must be ${en} ${String(p.limit)}` };
    }
    case 'minItems':
      return { tr: `en az ${String(p.limit)} öğe olmalı`, en: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { tr: `en çok ${String(p.limit)} öğe olmalı`, en: `must have at most ${String(p.limit)} items` };
    case 'minLength':
      return {
        tr: `en az ${String(p.limit)} karakter olmalı`,
        en: `must be at least ${String(p.limit)} characters`,
      };
    case 'maxLength':
      return {
        tr: `en çok ${String(p.limit)} karakter olmalı`,
        en: `must be at most ${String(p.limit)} characters`,
      };
    case 'pattern':
      return {
        tr: `biçimi uymuyor (${String(p.pattern)})`,
        en: `does not match the format ${String(p.pattern)}`,
      };
    case 'oneOf':
    case 'anyOf':
      return { tr: 'izin verilen biçimlerin hiçbirine uymuyor', en: 'matches none of the allowed forms' };
    default:
      return { tr: `geçersiz (${error.keyword})`, en: `invalid (${error.keyword}): ${error.message ?? ''}` };
  }
}

/** Where an error points: the property itself for `required` and `additionalProperties`. */
function pathOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}${pointer(String(p.missingProperty))}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}${pointer(String(p.additionalProperty))}`;
  return error.instancePath;
}

/**
 * Check a parsed scenario against the JSON Schema. One problem per failing place: branch errors of
 * `oneOf` and `if` are left out when a more precise error names the same place or a place inside it.
 */
export function checkShape(document: unknown): ScenarioProblem[] {
  const validate = validator();
  if (validate(document)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  // Places where a union (`oneOf`) was refused: its branches' enum/type/const errors there are noise.
  const unions = new Set<string>();
  for (const error of errors) {
    const path = pathOf(error);
    if (['oneOf', 'anyOf'].includes(error.keyword)) {
      unions.add(path);
      // Keep the union's own problem only when no error says more about a place inside it.
      const precise = errors.some(
        (other) =>
          other !== error &&
          !['oneOf', 'anyOf', ...BRANCH_NOISE].includes(other.keyword) &&
          pathOf(other).startsWith(path),
      );
      if (precise) continue;
    }
    const words = describe(error);
    const key = `${path}|${error.keyword}|${words.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, code: `schema.${error.keyword}`, ...words });
  }
  return problems.filter(
    (p) => !(unions.has(p.path) && BRANCH_NOISE.includes(p.code.slice('schema.'.length))),
  );
}

const BRANCH_NOISE = ['enum', 'type', 'const'];
