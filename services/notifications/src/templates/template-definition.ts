import type { Language } from '@konsey/contracts';

/** One message in both languages for each channel it may travel on (ICU MessageFormat). */
export interface TemplateDefinition {
  /** Cannot be opted out of: sign-in codes, ballot receipts, legal notices, results of one's own election. */
  essential: boolean;
  /** Variables that are secrets: never shown in previews of real notifications, cleared once settled. */
  secret?: readonly string[];
  email: Record<Language, { subject: string; body: string }>;
  sms?: Record<Language, string>;
  /** Example values: the preview's default and the test that every template renders. */
  sample: Record<string, string | number>;
}
