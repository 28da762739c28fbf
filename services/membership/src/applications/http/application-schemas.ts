import { ApplicationOutcome, Gender, InstitutionKind, MemberKind } from '@konsey/contracts';
import { z } from 'zod';
import { toCalendarDate } from '../../domain/calendar-date.js';
import {
  DERBIS_REQUIRED_FOR,
  derbisMessages,
  derbisProblem,
  normaliseDerbisNumber,
} from '../domain/derbis-number.js';
import { DOCUMENT_TYPES } from '../domain/document-type.js';
import { tcKimlikMessages, tcKimlikProblem } from '../domain/tc-kimlik-no.js';

/** Settings the forms read (council settings, from configuration for now). */
export interface FormSettings {
  districts: readonly string[];
  kvkkConsentVersion: string;
}

const Name = z.string().trim().min(2).max(200);
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'geçerli bir e-posta adresi olmalı / must be an e-mail address' }).max(254));
const Phone = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 ()-]{6,19}$/,
    'geçerli bir telefon numarası olmalı / must be a phone number (digits, spaces, +, -, parentheses)',
  );
const DocumentId = z
  .string()
  .regex(
    /^[0-9a-f]{64}$/,
    'yüklenen belgenin kimliği (SHA-256) olmalı / must be the id of an uploaded document',
  );
const PastDate = z.iso
  .date()
  .refine((day) => day <= toCalendarDate(new Date()), {
    message: 'gelecekte olamaz / must not be in the future',
  });

const Contact = z.object({ email: Email, phone: Phone }).strict();

const Representative = z
  .object({
    fullName: Name,
    gender: Gender,
    contact: Contact,
    /** The signed, stamped appointment letter (görevlendirme yazısı). */
    appointmentLetterDocumentId: DocumentId,
  })
  .strict();

const TcKimlikNo = z.string().superRefine((value, context) => {
  const problem = tcKimlikProblem(value);
  // The message never repeats the value.
  if (problem) context.addIssue({ code: 'custom', message: tcKimlikMessages[problem], input: undefined });
});

export const InstitutionalApplicationBody = z
  .object({
    organisation: z
      .object({
        name: Name,
        kind: InstitutionKind,
        derbisNumber: z.string().max(40).optional(),
        address: z.string().trim().min(5).max(500),
        phone: Phone,
        email: Email,
        website: z
          .url({ protocol: /^https?$/, message: 'http(s) adresi olmalı / must be an http(s) URL' })
          .max(300)
          .optional(),
        fieldOfActivity: z.string().trim().min(2).max(300),
        memberCount: z.number().int().min(1).max(10_000_000),
      })
      .strict(),
    /** The board's decision to join (yönetim kurulu kararı). */
    boardDecision: z
      .object({ date: PastDate, number: z.string().trim().min(1).max(50), documentId: DocumentId })
      .strict(),
    contact: z.object({ fullName: Name, email: Email, phone: Phone }).strict(),
    /** One full (asil) representative and at most one substitute (yedek). */
    representatives: z.object({ full: Representative, substitute: Representative.optional() }).strict(),
  })
  .strict()
  .superRefine((body, context) => {
    const given = body.organisation.derbisNumber;
    if (given === undefined) {
      if ((DERBIS_REQUIRED_FOR as readonly string[]).includes(body.organisation.kind)) {
        context.addIssue({
          code: 'custom',
          path: ['organisation', 'derbisNumber'],
          message:
            'dernek ve vakıflar için DERBİS kütük numarası zorunlu / required for associations and foundations',
        });
      }
      return;
    }
    const problem = derbisProblem(given);
    if (problem)
      context.addIssue({
        code: 'custom',
        path: ['organisation', 'derbisNumber'],
        message: derbisMessages[problem],
      });
  })
  .transform((body) => ({
    ...body,
    organisation: {
      ...body.organisation,
      ...(body.organisation.derbisNumber !== undefined
        ? { derbisNumber: normaliseDerbisNumber(body.organisation.derbisNumber)! }
        : {}),
    },
  }))
  .meta({ id: 'InstitutionalApplicationRequest' });
export type InstitutionalApplicationBody = z.infer<typeof InstitutionalApplicationBody>;

export function individualApplicationBody(settings: FormSettings) {
  const thisYear = new Date().getUTCFullYear();
  return z
    .object({
      fullName: Name,
      gender: Gender,
      birthYear: z.number().int().min(1900).max(thisYear),
      district: z.string().refine((district) => settings.districts.includes(district), {
        message: `ilçe listeden seçilmeli / must be one of: ${settings.districts.join(', ')}`,
      }),
      contact: Contact,
      tcKimlikNo: TcKimlikNo,
      /** Assemblies and working groups the person wants to join. */
      bodyIds: z.array(z.uuid()).max(30).default([]),
      consent: z
        .object({
          kvkkTextVersion: z.literal(settings.kvkkConsentVersion, {
            message: `güncel KVKK aydınlatma metni onaylanmalı (${settings.kvkkConsentVersion}) / consent to the current text`,
          }),
          accepted: z.literal(true, { message: 'KVKK onayı gerekli / consent is required' }),
        })
        .strict(),
    })
    .strict()
    .meta({ id: 'IndividualApplicationRequest' });
}
export type IndividualApplicationBody = z.infer<ReturnType<typeof individualApplicationBody>>;

export const ApplicationIdParams = z.object({ applicationId: z.uuid() });
export const DocumentParams = z.object({ applicationId: z.uuid(), documentId: DocumentId });

export const ApplicationStatus = z.enum(['submitted', 'returned', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ListApplicationsQuery = z
  .object({
    kind: MemberKind.optional(),
    status: ApplicationStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const DecisionBody = z
  .object({
    outcome: ApplicationOutcome,
    reason: z.string().trim().min(3).max(2000).optional(),
    decisionNumber: z.string().trim().min(1).max(50),
    decidedOn: PastDate,
  })
  .strict()
  .refine((body) => body.outcome === 'approved' || body.reason !== undefined, {
    message: 'ret ve iade kararlarında gerekçe zorunlu / a reason is required when rejecting or returning',
    path: ['reason'],
  })
  .meta({ id: 'ApplicationDecisionRequest' });
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DocumentView = z
  .object({ documentId: DocumentId, contentType: z.enum(DOCUMENT_TYPES), sizeBytes: z.number().int() })
  .meta({ id: 'ApplicationDocument' });
export type DocumentView = z.infer<typeof DocumentView>;

export const DecisionView = z
  .object({
    outcome: ApplicationOutcome,
    reason: z.string().nullable(),
    decisionNumber: z.string(),
    decidedOn: z.iso.date(),
    decidedBy: z.string(),
    deciderRole: z.enum(['executive-board', 'evaluation-committee']),
    recordedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ApplicationDecision' });
export type DecisionView = z.infer<typeof DecisionView>;

export const ApplicationSummary = z
  .object({
    id: z.uuid(),
    kind: MemberKind,
    status: ApplicationStatus,
    displayName: z.string(),
    institutionKind: InstitutionKind.nullable(),
    submittedAt: z.iso.datetime({ offset: true }),
    resubmissions: z.number().int(),
    memberId: z.uuid().nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

/** What reviewers see: the form as submitted (never the TC Kimlik No), documents and decisions. */
export const ApplicationDetail = ApplicationSummary.extend({
  form: z.record(z.string(), z.unknown()),
  documents: z.array(DocumentView.extend({ purpose: z.string() })),
  decisions: z.array(DecisionView),
}).meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** What an applicant sees with their access token. */
export const ApplicantView = z
  .object({
    id: z.uuid(),
    kind: MemberKind,
    status: ApplicationStatus,
    submittedAt: z.iso.datetime({ offset: true }),
    form: z.record(z.string(), z.unknown()),
    lastDecision: DecisionView.pick({
      outcome: true,
      reason: true,
      decisionNumber: true,
      decidedOn: true,
    }).nullable(),
  })
  .meta({ id: 'ApplicantApplicationView' });
export type ApplicantView = z.infer<typeof ApplicantView>;

export const SubmissionResult = z
  .object({
    id: z.uuid(),
    kind: MemberKind,
    status: ApplicationStatus,
    submittedAt: z.iso.datetime({ offset: true }),
    /** Shown once: the applicant uses it (X-Application-Token) to follow and complete the application. */
    accessToken: z.string(),
  })
  .meta({ id: 'ApplicationSubmission' });
export type SubmissionResult = z.infer<typeof SubmissionResult>;
