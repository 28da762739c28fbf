import {
  AppError,
  defineRoute,
  type AnyRoute,
  type BaseConfig,
  type ServiceDependencies,
} from '@konsey/service-kit';
import type { Request } from 'express';
import { z } from 'zod';
import type { MembershipPrisma } from '../../membership-prisma.js';
import '../application-errors.js';
import type { ApplicationsConfig } from '../applications-config.js';
import { applicationKeys, loadApplicationsSecret, type ApplicationKeys } from '../app/application-keys.js';
import type { ApplicationInput } from '../app/application-forms.js';
import { decideApplication } from '../app/decide-application.js';
import {
  applicantView,
  applicationDetailFor,
  applicationDocument,
  listApplicationsFor,
  REVIEWER_ROLES,
} from '../app/read-applications.js';
import {
  resubmitApplication,
  submitApplication,
  type Idempotency,
  type SubmissionOutcome,
} from '../app/submit-application.js';
import { tooLarge, uploadDocument, assertAllowedType } from '../app/upload-document.js';
import { createDocumentStorage } from '../storage/create-document-storage.js';
import type { DocumentStorage } from '../storage/document-storage.js';
import {
  ApplicantView,
  ApplicationDetail,
  ApplicationIdParams,
  ApplicationSummary,
  DecisionBody,
  DocumentParams,
  DocumentView,
  individualApplicationBody,
  InstitutionalApplicationBody,
  ListApplicationsQuery,
  SubmissionResult,
} from './application-schemas.js';
import { readLimitedBody } from './read-limited-body.js';

export type ApplicationsDeps = ServiceDependencies<MembershipPrisma, BaseConfig & ApplicationsConfig>;

/** The header an applicant (who has no account yet) proves with that an application is theirs. */
export const APPLICATION_TOKEN_HEADER = 'x-application-token';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyOf(req: Request, keys: ApplicationKeys, scope: string): Idempotency | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('validation-failed', {
      detail: 'Idempotency-Key must be 1–200 visible ASCII characters',
      errors: [
        {
          field: 'header.idempotency-key',
          code: 'invalid_format',
          message: '1–200 visible ASCII characters',
        },
      ],
    });
  }
  return { key, requestHash: keys.requestHash(scope, req.body) };
}

function tokenOf(req: Request): string | undefined {
  const token = req.headers[APPLICATION_TOKEN_HEADER];
  return typeof token === 'string' ? token : undefined;
}

function answer(outcome: SubmissionOutcome, location: string) {
  return {
    status: outcome.status,
    body: outcome.body,
    headers: { Location: location, ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
  };
}

export interface ApplicationRoutesOptions {
  /** Replace the store DOCUMENT_STORAGE names (tests). */
  storage?: DocumentStorage;
}

/**
 * Membership applications: documents, submission (public, with Idempotency-Key), the applicant's view
 * and resubmission (X-Application-Token), and review by the Executive Board and the evaluation committee.
 */
export function applicationRoutes(
  deps: ApplicationsDeps,
  options: ApplicationRoutesOptions = {},
): AnyRoute[] {
  const { prisma, config } = deps;
  const keys = applicationKeys(loadApplicationsSecret(config));
  const storage = options.storage ?? createDocumentStorage(config);
  const IndividualApplicationBody = individualApplicationBody({
    districts: config.APPLICATION_DISTRICTS,
    kvkkConsentVersion: config.KVKK_CONSENT_VERSION,
  });
  const submission = { prisma, keys };

  return [
    defineRoute({
      method: 'post',
      path: '/v1/application-documents',
      summary: 'Başvuru belgesi yükle (PDF, PNG, JPEG) / Upload an application document',
      tags: ['applications'],
      access: 'public',
      responses: {
        201: {
          description:
            'Belge kaydedildi; kimliğini başvuruda kullanın / Stored; use its id in the application',
          schema: DocumentView,
        },
      },
      handler: async ({ req, res }) => {
        const declaredType = req.headers['content-type'];
        assertAllowedType(declaredType);
        let content: Buffer;
        try {
          content = await readLimitedBody(req, config.DOCUMENT_MAX_BYTES, () =>
            tooLarge(config.DOCUMENT_MAX_BYTES),
          );
        } catch (error) {
          // The rest of an oversized body is not read: close the connection after answering.
          res.setHeader('Connection', 'close');
          throw error;
        }
        const document = await uploadDocument({
          prisma,
          storage,
          maxBytes: config.DOCUMENT_MAX_BYTES,
          declaredType,
          content,
        });
        return { status: 201, body: document };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/applications/individual',
      summary: 'Bireysel üyelik başvurusu / Apply as an individual',
      tags: ['applications'],
      access: 'public',
      request: { body: IndividualApplicationBody },
      responses: { 201: { description: 'Başvuru alındı / Application submitted', schema: SubmissionResult } },
      handler: async ({ body, req }) => {
        const input: ApplicationInput = { kind: 'individual', body };
        const outcome = await submitApplication(submission, {
          input,
          idempotency: idempotencyOf(req, keys, 'submit:individual'),
        });
        return answer(outcome, `/v1/applications/${outcome.body.id}/status`);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/applications/institutional',
      summary: 'Kurumsal üyelik başvurusu / Apply as an institution',
      tags: ['applications'],
      access: 'public',
      request: { body: InstitutionalApplicationBody },
      responses: { 201: { description: 'Başvuru alındı / Application submitted', schema: SubmissionResult } },
      handler: async ({ body, req }) => {
        const input: ApplicationInput = { kind: 'institutional', body };
        const outcome = await submitApplication(submission, {
          input,
          idempotency: idempotencyOf(req, keys, 'submit:institutional'),
        });
        return answer(outcome, `/v1/applications/${outcome.body.id}/status`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/applications/:applicationId/status',
      summary: 'Başvurumun durumu (X-Application-Token) / My application (X-Application-Token)',
      tags: ['applications'],
      access: 'public',
      request: { params: ApplicationIdParams },
      responses: { 200: { description: 'Başvuru / Application', schema: ApplicantView } },
      handler: async ({ params, req }) => ({
        status: 200,
        body: await applicantView(prisma, keys, params.applicationId, tokenOf(req)),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/applications/individual/:applicationId',
      summary:
        'İade edilen bireysel başvuruyu tamamlayıp yeniden gönder / Resubmit a returned individual application',
      tags: ['applications'],
      access: 'public',
      request: { params: ApplicationIdParams, body: IndividualApplicationBody },
      responses: {
        200: { description: 'Yeniden değerlendirmede / Back in review', schema: SubmissionResult },
      },
      handler: async ({ params, body, req }) => {
        const outcome = await resubmitApplication(submission, {
          applicationId: params.applicationId,
          accessToken: tokenOf(req),
          input: { kind: 'individual', body },
          idempotency: idempotencyOf(req, keys, `resubmit:${params.applicationId}`),
        });
        return answer(outcome, `/v1/applications/${outcome.body.id}/status`);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/applications/institutional/:applicationId',
      summary:
        'İade edilen kurumsal başvuruyu tamamlayıp yeniden gönder / Resubmit a returned institutional application',
      tags: ['applications'],
      access: 'public',
      request: { params: ApplicationIdParams, body: InstitutionalApplicationBody },
      responses: {
        200: { description: 'Yeniden değerlendirmede / Back in review', schema: SubmissionResult },
      },
      handler: async ({ params, body, req }) => {
        const outcome = await resubmitApplication(submission, {
          applicationId: params.applicationId,
          accessToken: tokenOf(req),
          input: { kind: 'institutional', body },
          idempotency: idempotencyOf(req, keys, `resubmit:${params.applicationId}`),
        });
        return answer(outcome, `/v1/applications/${outcome.body.id}/status`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/applications',
      summary: 'Başvuruları listele / List applications',
      tags: ['applications'],
      access: { anyOf: REVIEWER_ROLES },
      request: { query: ListApplicationsQuery },
      responses: {
        200: {
          description: 'Başvurular / Applications',
          schema: z.object({
            items: z.array(ApplicationSummary),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
      },
      handler: async ({ query, auth }) => ({
        status: 200,
        body: await listApplicationsFor(prisma, auth.roles, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/applications/:applicationId',
      summary: 'Başvuruyu göster (TC Kimlik No gösterilmez) / Show an application (never the TC Kimlik No)',
      tags: ['applications'],
      access: { anyOf: REVIEWER_ROLES },
      request: { params: ApplicationIdParams },
      responses: { 200: { description: 'Başvuru / Application', schema: ApplicationDetail } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await applicationDetailFor(prisma, auth.roles, params.applicationId),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/applications/:applicationId/documents/:documentId',
      summary: 'Başvuru belgesini indir / Download an application document',
      tags: ['applications'],
      access: { anyOf: REVIEWER_ROLES },
      request: { params: DocumentParams },
      responses: { 200: { description: 'Belge (PDF, PNG, JPEG) / The document' } },
      handler: async ({ params, auth, res }) => {
        const document = await applicationDocument(
          prisma,
          storage,
          auth.roles,
          params.applicationId,
          params.documentId,
        );
        res
          .status(200)
          .type(document.contentType)
          .setHeader('Content-Disposition', `attachment; filename="${params.documentId}"`)
          .setHeader('Cache-Control', 'private, no-store')
          .send(document.content);
        return { status: 200 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/applications/:applicationId/decision',
      summary:
        'Başvuruyu karara bağla (kurumsal: Yürütme Kurulu, bireysel: Değerlendirme Komisyonu) / Decide an application',
      tags: ['applications'],
      access: { anyOf: ['executive-board', 'evaluation-committee'] },
      request: { params: ApplicationIdParams, body: DecisionBody },
      responses: { 200: { description: 'Karar kaydedildi / Decision recorded', schema: ApplicationDetail } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await decideApplication({
          prisma,
          actor: auth.subject,
          roles: auth.roles,
          applicationId: params.applicationId,
          decision: body,
        }),
      }),
    }),
  ];
}
