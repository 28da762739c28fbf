import fc from 'fast-check';
import { isValidTcKimlikNo, tcKimlikCheckDigits, tcKimlikProblem } from './tc-kimlik-no.js';

/** A valid number built from nine digits (first not 0) and the check digits the rule gives. */
const validTcKimlik = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([first, rest]) => {
    const nine = [first, ...rest];
    return [...nine, ...tcKimlikCheckDigits(nine)].join('');
  });

/** The rule written out the long way, independent of the implementation. */
function reference(value: string): boolean {
  if (value.length !== 11 || /\D/.test(value) || value[0] === '0') return false;
  const d = value.split('').map((c) => c.charCodeAt(0) - 48);
  const tenth = ((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10;
  const tenthPositive = tenth < 0 ? tenth + 10 : tenth;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += d[i]!;
  return d[9] === tenthPositive && d[10] === sum % 10;
}

describe('TC Kimlik No', () => {
  it.each(['10000000146', '11111111110', '22222222220', '12345678950', '98765432150', '76543210930'])(
    'accepts %s',
    (value) => {
      expect(isValidTcKimlikNo(value)).toBe(true);
    },
  );

  it.each([
    ['', 'not-eleven-digits'],
    ['1000000014', 'not-eleven-digits'],
    ['100000001460', 'not-eleven-digits'],
    ['1000000014a', 'not-eleven-digits'],
    [' 10000000146', 'not-eleven-digits'],
    ['10000000146 ', 'not-eleven-digits'],
    ['1000-000146', 'not-eleven-digits'],
    ['١٠٠٠٠٠٠٠١٤٦', 'not-eleven-digits'],
    ['01234567890', 'leading-zero'],
    ['00000000000', 'leading-zero'],
    ['10000000156', 'check-digit-10'],
    ['10000000147', 'check-digit-11'],
    ['12345678901', 'check-digit-10'],
    ['11111111111', 'check-digit-11'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(tcKimlikProblem(value)).toBe(problem);
  });

  it('computes d10 as a non-negative remainder when the even sum outweighs seven times the odd one', () => {
    // odd = 1, even = 36: (7 - 36) mod 10 = -29 mod 10 = 1
    expect(tcKimlikCheckDigits([1, 9, 0, 9, 0, 9, 0, 9, 0])).toEqual([1, 8]);
    expect(isValidTcKimlikNo('19090909018')).toBe(true);
  });

  it('refuses anything but nine digits for the check digits', () => {
    expect(() => tcKimlikCheckDigits([1, 2, 3])).toThrow(RangeError);
  });

  it('accepts every number built by the rule', () => {
    fc.assert(
      fc.property(validTcKimlik, (value) => isValidTcKimlikNo(value)),
      { numRuns: 2000 },
    );
  });

  it('agrees with the rule written out independently on arbitrary 11-digit strings', () => {
    const elevenDigits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
      .map((d) => d.join(''));
    fc.assert(
      fc.property(elevenDigits, (value) => isValidTcKimlikNo(value) === reference(value)),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (value) => isValidTcKimlikNo(value) === reference(value)),
      { numRuns: 2000 },
    );
  });

  it('catches every change of a single digit of a valid number', () => {
    fc.assert(
      fc.property(
        validTcKimlik,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (value, position, delta) => {
          const digits = value.split('').map(Number);
          digits[position] = (digits[position]! + delta) % 10;
          return !isValidTcKimlikNo(digits.join(''));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('has exactly one valid completion for each nine-digit prefix', () => {
    fc.assert(
      fc.property(validTcKimlik, (value) => {
        const prefix = value.slice(0, 9);
        let valid = 0;
        for (let suffix = 0; suffix < 100; suffix += 1)
          if (isValidTcKimlikNo(prefix + String(suffix).padStart(2, '0'))) valid += 1;
        return valid === 1;
      }),
      { numRuns: 300 },
    );
  });
});
