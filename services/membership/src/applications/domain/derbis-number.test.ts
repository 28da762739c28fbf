import fc from 'fast-check';
import { derbisProblem, LAST_PROVINCE_CODE, normaliseDerbisNumber } from './derbis-number.js';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const province = fc.integer({ min: 1, max: LAST_PROVINCE_CODE }).map((p) => String(p).padStart(2, '0'));
const validDerbis = fc.tuple(province, digits(3), digits(3)).map(([p, d, s]) => `${p}-${d}-${s}`);

describe('DERBİS kütük numarası', () => {
  it.each([
    ['06-154-120', '06-154-120'],
    ['35-069-158', '35-069-158'],
    ['01-000-001', '01-000-001'],
    ['81-999-999', '81-999-999'],
    ['35069158', '35-069-158'],
    [' 35-069-158 ', '35-069-158'],
    ['35 - 069 - 158', '35-069-158'],
  ])('accepts %j as %s', (value, canonical) => {
    expect(derbisProblem(value)).toBeUndefined();
    expect(normaliseDerbisNumber(value)).toBe(canonical);
  });

  it.each([
    ['', 'format'],
    ['35-69-158', 'format'],
    ['35-0691-58', 'format'],
    ['35-069-1580', 'format'],
    ['3-069-158', 'format'],
    ['035-069-158', 'format'],
    ['35/069/158', 'format'],
    ['35.069.158', 'format'],
    ['35-069158', 'format'],
    ['AB-069-158', 'format'],
    ['35-O69-158', 'format'],
    ['3506915', 'format'],
    ['350691580', 'format'],
    ['00-069-158', 'province-code'],
    ['82-069-158', 'province-code'],
    ['99-999-999', 'province-code'],
    ['00000000', 'province-code'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(derbisProblem(value)).toBe(problem);
    expect(normaliseDerbisNumber(value)).toBeUndefined();
  });

  it('accepts every number with a province code 01–81 and two groups of three digits, unchanged', () => {
    fc.assert(
      fc.property(
        validDerbis,
        (value) => derbisProblem(value) === undefined && normaliseDerbisNumber(value) === value,
      ),
      { numRuns: 2000 },
    );
  });

  it('normalises the form without dashes to the same canonical number', () => {
    fc.assert(
      fc.property(validDerbis, (value) => normaliseDerbisNumber(value.replaceAll('-', '')) === value),
      { numRuns: 1000 },
    );
  });

  it('refuses every province code outside 01–81', () => {
    const badProvince = fc
      .oneof(fc.constant(0), fc.integer({ min: LAST_PROVINCE_CODE + 1, max: 99 }))
      .map((p) => String(p).padStart(2, '0'));
    fc.assert(
      fc.property(
        badProvince,
        digits(3),
        digits(3),
        (p, d, s) => derbisProblem(`${p}-${d}-${s}`) === 'province-code',
      ),
      { numRuns: 500 },
    );
  });

  it('is consistent: a number is valid exactly when it normalises, and normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(validDerbis, fc.string({ maxLength: 14 }), digits(8)), (value) => {
        const canonical = normaliseDerbisNumber(value);
        if ((derbisProblem(value) === undefined) !== (canonical !== undefined)) return false;
        return canonical === undefined || normaliseDerbisNumber(canonical) === canonical;
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts a string with a letter or a character other than digits, dashes and spaces', () => {
    fc.assert(
      fc.property(
        validDerbis,
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('a', 'O', '/', '.', '_', 'İ', '٣'),
        (value, at, char) => {
          const position = Math.min(at, value.length - 1);
          return derbisProblem(value.slice(0, position) + char + value.slice(position + 1)) !== undefined;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
