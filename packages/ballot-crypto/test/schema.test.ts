import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { buildFixture, clone } from './fixture.js';

const read = (p: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'));
// ajv ships CommonJS: the class is the default export's `default` under native ESM.
type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(read('../schema/election-record.v1.schema.json') as object);

describe('JSON Schema of the election record', () => {
  const fx = buildFixture([[[0, 1, 0], [0, 0, 1, 1], [0, 0, 1]]], { present: [1, 2, 3] });

  it('accepts a record produced by buildElectionRecord and the published vectors', () => {
    expect(validate(fx.record) ? null : validate.errors).toBeNull();
    const vectors = read('../vectors/test-vectors.v1.json') as { election: { record: unknown } };
    expect(validate(vectors.election.record) ? null : validate.errors).toBeNull();
  });

  it('rejects unknown fields and malformed binary fields', () => {
    const r = clone(fx.record) as unknown as Record<string, unknown> & { boardHead: string };
    expect(validate({ ...r, extra: 1 })).toBe(false);
    expect(validate({ ...r, boardHead: `${r.boardHead}=` })).toBe(false);
    expect(validate({ ...r, version: 2 })).toBe(false);
  });
});
