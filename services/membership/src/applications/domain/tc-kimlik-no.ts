/**
 * TC Kimlik No (Türkiye's national identity number): 11 digits, the first not 0, and two check digits.
 *   d10 = ((d1 + d3 + d5 + d7 + d9) × 7 − (d2 + d4 + d6 + d8)) mod 10   (a non-negative remainder)
 *   d11 = (d1 + d2 + … + d10) mod 10
 * The number is personal data under KVKK: it is validated here, turned into a keyed hash for duplicate
 * detection, and never stored or returned as it is.
 */
export type TcKimlikProblem = 'not-eleven-digits' | 'leading-zero' | 'check-digit-10' | 'check-digit-11';

/** The two check digits that follow the first nine digits (each 0–9). */
export function tcKimlikCheckDigits(firstNine: readonly number[]): [number, number] {
  if (firstNine.length !== 9) throw new RangeError('nine digits expected');
  const [d1, d2, d3, d4, d5, d6, d7, d8, d9] = firstNine as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const odd = d1 + d3 + d5 + d7 + d9;
  const even = d2 + d4 + d6 + d8;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (odd + even + d10) % 10;
  return [d10, d11];
}

/** Why a string is not a valid TC Kimlik No, or undefined when it is one. */
export function tcKimlikProblem(value: string): TcKimlikProblem | undefined {
  if (!/^\d{11}$/.test(value)) return 'not-eleven-digits';
  const digits = [...value].map(Number);
  if (digits[0] === 0) return 'leading-zero';
  const [d10, d11] = tcKimlikCheckDigits(digits.slice(0, 9));
  if (digits[9] !== d10) return 'check-digit-10';
  if (digits[10] !== d11) return 'check-digit-11';
  return undefined;
}

export function isValidTcKimlikNo(value: string): boolean {
  return tcKimlikProblem(value) === undefined;
}

/** Messages for the problems, in the form a field error carries (Turkish / English). */
export const tcKimlikMessages: Record<TcKimlikProblem, string> = {
  'not-eleven-digits': 'TC Kimlik No 11 rakamdan oluşmalı / must be 11 digits',
  'leading-zero': 'TC Kimlik No 0 ile başlayamaz / must not start with 0',
  'check-digit-10': 'TC Kimlik No geçersiz (10. hane tutmuyor) / invalid: the 10th digit does not match',
  'check-digit-11': 'TC Kimlik No geçersiz (11. hane tutmuyor) / invalid: the 11th digit does not match',
};
