/** A human reason, in Turkish first and English second, beside a stable machine code. */
export interface Reason {
  tr: string;
  en: string;
}
