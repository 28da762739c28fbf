import type { MemberKind } from '@konsey/contracts';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ApplicationContent } from '../data/application-repository.js';
import type { ApplicationKeys } from './application-keys.js';
import type { IndividualApplicationBody, InstitutionalApplicationBody } from '../http/application-schemas.js';

export type ApplicationInput =
  | { kind: 'individual'; body: IndividualApplicationBody }
  | { kind: 'institutional'; body: InstitutionalApplicationBody };

/** A document an application refers to, with the request field that named it. */
export interface DocumentReference {
  purpose: 'board-decision' | 'appointment-letter-full' | 'appointment-letter-substitute';
  documentId: string;
  field: string;
}

/** The form as it is kept: what the applicant sent, less the TC Kimlik No (kept only as a digest). */
export function storedForm(input: ApplicationInput, consentedAt: Date): Prisma.InputJsonValue {
  if (input.kind === 'institutional') return input.body as unknown as Prisma.InputJsonValue;
  const { tcKimlikNo: _never, consent, ...rest } = input.body;
  return {
    ...rest,
    consent: { kvkkTextVersion: consent.kvkkTextVersion, consentedAt: consentedAt.toISOString() },
  };
}

/** The searched and checked columns of an application, computed from its form. */
export function applicationContent(
  input: ApplicationInput,
  keys: ApplicationKeys,
  now: Date,
): ApplicationContent {
  if (input.kind === 'individual') {
    return {
      displayName: input.body.fullName,
      email: input.body.contact.email,
      tcKimlikDigest: keys.tcKimlikDigest(input.body.tcKimlikNo),
      derbisNumber: null,
      institutionKind: null,
      form: storedForm(input, now),
      kvkkConsentVersion: input.body.consent.kvkkTextVersion,
      kvkkConsentedAt: now,
      submittedAt: now,
    };
  }
  const organisation = input.body.organisation;
  return {
    displayName: organisation.name,
    email: organisation.email,
    tcKimlikDigest: null,
    derbisNumber: organisation.derbisNumber ?? null,
    institutionKind: organisation.kind,
    form: storedForm(input, now),
    kvkkConsentVersion: null,
    kvkkConsentedAt: null,
    submittedAt: now,
  };
}

export function documentReferences(input: ApplicationInput): DocumentReference[] {
  if (input.kind === 'individual') return [];
  const { boardDecision, representatives } = input.body;
  return [
    {
      purpose: 'board-decision',
      documentId: boardDecision.documentId,
      field: 'body.boardDecision.documentId',
    },
    {
      purpose: 'appointment-letter-full',
      documentId: representatives.full.appointmentLetterDocumentId,
      field: 'body.representatives.full.appointmentLetterDocumentId',
    },
    ...(representatives.substitute
      ? [
          {
            purpose: 'appointment-letter-substitute' as const,
            documentId: representatives.substitute.appointmentLetterDocumentId,
            field: 'body.representatives.substitute.appointmentLetterDocumentId',
          },
        ]
      : []),
  ];
}

/** The same references read back from a stored form (institutional forms only carry documents). */
export function storedDocumentReferences(kind: MemberKind, form: Prisma.JsonValue): DocumentReference[] {
  if (kind !== 'institutional') return [];
  return documentReferences({ kind, body: form as unknown as InstitutionalApplicationBody });
}
