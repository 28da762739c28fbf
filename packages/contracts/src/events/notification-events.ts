import { z } from 'zod';
import { Language } from '../enums.js';
import { defineMessage } from '../message-definition.js';
import { Timestamp, Uuid } from './shared-schemas.js';

/**
 * Contact details travel to notifications only, the one service that delivers messages; no other
 * service keeps them. `null` clears a channel.
 */
export const contactChanged = defineMessage({
  type: 'membership.contact.changed',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['notifications'],
  summary: 'The e-mail, phone or language of a member, an account or an applicant changed (or was erased).',
  schema: z.object({
    /** A member, an account, or an applicant (keyed by the application id) until the application is decided. */
    subjectKind: z.enum(['member', 'account', 'applicant']),
    subjectId: Uuid,
    /** For a member's account, the member it belongs to. */
    memberId: Uuid.optional(),
    email: z.email().nullable().optional(),
    phone: z.string().max(30).nullable().optional(),
    language: Language,
    changedAt: Timestamp,
  }),
});

export const signInCodeIssued = defineMessage({
  type: 'membership.sign-in-code.issued',
  kind: 'event',
  version: 1,
  producer: 'membership',
  consumers: ['notifications'],
  summary: 'A one-time sign-in code was issued and must reach its owner (never opted out of).',
  schema: z.object({
    accountId: Uuid,
    channel: z.enum(['email', 'sms']),
    /** The code in clear: it expires within minutes; notifications must not log or keep it after delivery. */
    code: z.string().regex(/^\d{6}$/),
    expiresAt: Timestamp,
    language: Language,
  }),
});
