import type { MemberKind, Role } from '@konsey/contracts';
import { AppError } from '@konsey/service-kit';
import type { MembershipPrisma } from '../../membership-prisma.js';
import {
  decisionsOf,
  findApplication,
  findDocuments,
  listApplications,
  type ApplicationStatusValue,
} from '../data/application-repository.js';
import type { ApplicantView, ApplicationDetail, ApplicationSummary } from '../http/application-schemas.js';
import type { DocumentStorage } from '../storage/document-storage.js';
import { storedDocumentReferences } from './application-forms.js';
import type { ApplicationKeys } from './application-keys.js';
import { toApplicantView, toDetail, toSummary } from './application-views.js';

/** Roles that read applications: staff and the Executive Board read all, the evaluation committee individual ones. */
export const REVIEWER_ROLES = [
  'staff',
  'executive-board',
  'evaluation-committee',
] as const satisfies readonly Role[];

export function readableKinds(roles: readonly Role[]): MemberKind[] {
  if (roles.includes('staff') || roles.includes('executive-board')) return ['individual', 'institutional'];
  if (roles.includes('evaluation-committee')) return ['individual'];
  return [];
}

export async function listApplicationsFor(
  prisma: MembershipPrisma,
  roles: readonly Role[],
  filter: {
    kind?: MemberKind | undefined;
    status?: ApplicationStatusValue | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: ApplicationSummary[]; total: number; limit: number; offset: number }> {
  const readable = readableKinds(roles);
  if (filter.kind && !readable.includes(filter.kind)) {
    throw new AppError('forbidden', { detail: `${filter.kind} applications are not open to your roles` });
  }
  const { rows, total } = await listApplications(prisma, {
    ...filter,
    kinds: filter.kind ? [filter.kind] : readable,
  });
  return { items: rows.map(toSummary), total, limit: filter.limit, offset: filter.offset };
}

export async function applicationDetailFor(
  prisma: MembershipPrisma,
  roles: readonly Role[],
  applicationId: string,
): Promise<ApplicationDetail> {
  const row = await findApplication(prisma, applicationId);
  if (!row) throw new AppError('not-found', { detail: `application ${applicationId}` });
  if (!readableKinds(roles).includes(row.kind))
    throw new AppError('forbidden', { detail: `${row.kind} applications are not open to your roles` });
  const references = storedDocumentReferences(row.kind, row.form);
  const documents = references.length
    ? await findDocuments(
        prisma,
        references.map((reference) => reference.documentId),
      )
    : [];
  return toDetail(row, await decisionsOf(prisma, row.id), documents);
}

/** The applicant's own view, behind the access token handed out at submission. */
export async function applicantView(
  prisma: MembershipPrisma,
  keys: ApplicationKeys,
  applicationId: string,
  accessToken: string | undefined,
): Promise<ApplicantView> {
  if (!keys.verifyAccessToken(applicationId, accessToken)) throw new AppError('application-token-invalid');
  const row = await findApplication(prisma, applicationId);
  if (!row) throw new AppError('application-token-invalid');
  return toApplicantView(row, await decisionsOf(prisma, row.id));
}

/** The bytes of a document an application refers to, for its reviewers. */
export async function applicationDocument(
  prisma: MembershipPrisma,
  storage: DocumentStorage,
  roles: readonly Role[],
  applicationId: string,
  documentId: string,
): Promise<{ contentType: string; content: Buffer }> {
  const detail = await applicationDetailFor(prisma, roles, applicationId);
  const document = detail.documents.find((item) => item.documentId === documentId);
  const content = document ? await storage.get(documentId) : undefined;
  if (!document || !content)
    throw new AppError('not-found', { detail: `document ${documentId} of application ${applicationId}` });
  return { contentType: document.contentType, content };
}
