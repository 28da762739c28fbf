/**
 * DERBİS (Dernekler Bilgi Sistemi) registration number, the "kütük numarası" of an association:
 * `PP-DDD-SSS`, where PP is the province's licence-plate code (01–81), followed by two groups of three
 * digits (the registry's district code and the association's sequence number). Example: 06-154-120.
 *
 * The rule is the format only: DERBİS publishes no check digit, so a well-formed number can still be
 * unknown to the register. Input is forgiving about spaces and may omit the dashes (8 digits); it is
 * stored and compared in the canonical dashed form.
 */
export type DerbisProblem = 'format' | 'province-code';

const DASHED = /^(\d{2})-(\d{3})-(\d{3})$/;
const PLAIN = /^(\d{2})(\d{3})(\d{3})$/;

/** The highest province (il) plate code: 81 provinces since Düzce (1999). */
export const LAST_PROVINCE_CODE = 81;

/** The canonical `PP-DDD-SSS` form, or undefined when the input is not one. */
export function normaliseDerbisNumber(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  const match = DASHED.exec(compact) ?? PLAIN.exec(compact);
  if (!match) return undefined;
  const province = Number(match[1]);
  if (province < 1 || province > LAST_PROVINCE_CODE) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export function derbisProblem(value: string): DerbisProblem | undefined {
  const compact = value.replace(/\s+/g, '');
  const match = DASHED.exec(compact) ?? PLAIN.exec(compact);
  if (!match) return 'format';
  const province = Number(match[1]);
  return province >= 1 && province <= LAST_PROVINCE_CODE ? undefined : 'province-code';
}

export const derbisMessages: Record<DerbisProblem, string> = {
  format: 'DERBİS kütük numarası NN-NNN-NNN biçiminde olmalı (ör. 35-069-158) / must look like NN-NNN-NNN',
  'province-code':
    'DERBİS numarası 01–81 arası bir il koduyla başlamalı / must start with a province code 01–81',
};

/** Institution kinds registered in DERBİS, for which the number is required. */
export const DERBIS_REQUIRED_FOR = ['association', 'foundation'] as const;
