import { publishContact } from '../../app/publish-contact.js';
import { randomUUID } from 'node:crypto';
import { AppError, publishEvent, type FieldError } from '@konsey/service-kit';
import { findBodies } from '../../data/body-repository.js';
import { recordAudit } from '../../data/member-repository.js';
import type { MembershipPrisma, MembershipTx } from '../../membership-prisma.js';
import {
  findDocuments,
  findIdentityClash,
  insertApplication,
  insertIdempotencyRecord,
  lockApplication,
  lockIdempotencyKey,
  lockIdentities,
  resubmitApplication as updateResubmission,
  type ApplicationContent,
  type ApplicationRow,
} from '../data/application-repository.js';
import type { SubmissionResult } from '../http/application-schemas.js';
import { applicationContent, documentReferences, type ApplicationInput } from './application-forms.js';
import type { ApplicationKeys } from './application-keys.js';

/** Bodies an applicant may ask to join. */
const JOINABLE_BODY_KINDS = new Set(['assembly', 'working-group']);

export interface SubmissionDeps {
  prisma: MembershipPrisma;
  keys: ApplicationKeys;
}

/** A client's Idempotency-Key with the hash of the request it came with. */
export interface Idempotency {
  key: string;
  requestHash: string;
}

export interface SubmissionOutcome {
  status: number;
  body: SubmissionResult;
  /** True when the answer is the stored one of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Submit a new application. References (documents, bodies) are checked, then duplicates against
 * pending applications and current members; the application, its audit entry and the
 * `membership.application.submitted` event commit together. With an Idempotency-Key, a retry of the
 * same request gets the first answer and writes nothing.
 */
export async function submitApplication(
  deps: SubmissionDeps,
  request: { input: ApplicationInput; idempotency?: Idempotency | undefined },
): Promise<SubmissionOutcome> {
  return deps.prisma.$transaction(async (tx) => {
    const scope = `submit:${request.input.kind}`;
    const replay = await replayed(tx, deps.keys, scope, request.idempotency);
    if (replay) return replay;

    const id = randomUUID();
    const content = applicationContent(request.input, deps.keys, new Date());
    await checkReferences(tx, request.input);
    await refuseDuplicates(tx, id, request.input.kind, content);
    const row = await insertApplication(tx, { id, kind: request.input.kind, ...content });
    await recordAudit(tx, {
      actor: `applicant:${id}`,
      action: 'application.submitted',
      subjectId: id,
      details: { kind: row.kind },
    });
    await publishApplicantContact(tx, id, request.input);
    await publishEvent(tx, {
      type: 'membership.application.submitted',
      data: { applicationId: id, kind: row.kind, submittedAt: row.submittedAt.toISOString() },
    });
    return remember(tx, deps.keys, scope, request.idempotency, row, 201);
  });
}

/**
 * The applicant completes an application that was returned to them and sends it back to review.
 * Only the holder of the application's access token may; only a returned application can be.
 */
export async function resubmitApplication(
  deps: SubmissionDeps,
  request: {
    applicationId: string;
    accessToken: string | undefined;
    input: ApplicationInput;
    idempotency?: Idempotency | undefined;
  },
): Promise<SubmissionOutcome> {
  if (!deps.keys.verifyAccessToken(request.applicationId, request.accessToken))
    throw new AppError('application-token-invalid');
  return deps.prisma.$transaction(async (tx) => {
    const scope = `resubmit:${request.applicationId}`;
    const replay = await replayed(tx, deps.keys, scope, request.idempotency);
    if (replay) return replay;

    const current = await lockApplication(tx, request.applicationId);
    if (!current) throw new AppError('application-token-invalid');
    if (current.kind !== request.input.kind) {
      throw new AppError('conflict', {
        detail: `application ${current.id} is ${current.kind}; resubmit it with the ${current.kind} form`,
      });
    }
    if (current.status !== 'returned') {
      throw new AppError('application-not-returned', {
        detail: `application ${current.id} is ${current.status}`,
      });
    }
    const content = applicationContent(request.input, deps.keys, new Date());
    await checkReferences(tx, request.input);
    await refuseDuplicates(tx, current.id, current.kind, content);
    const row = await updateResubmission(tx, current.id, content);
    await recordAudit(tx, {
      actor: `applicant:${current.id}`,
      action: 'application.resubmitted',
      subjectId: current.id,
      details: { kind: row.kind, resubmissions: row.resubmissions },
    });
    await publishApplicantContact(tx, row.id, request.input);
    await publishEvent(tx, {
      type: 'membership.application.submitted',
      data: { applicationId: row.id, kind: row.kind, submittedAt: row.submittedAt.toISOString() },
    });
    return remember(tx, deps.keys, scope, request.idempotency, row, 200);
  });
}

function result(row: ApplicationRow): Omit<SubmissionResult, 'accessToken'> {
  return { id: row.id, kind: row.kind, status: row.status, submittedAt: row.submittedAt.toISOString() };
}

async function replayed(
  tx: MembershipTx,
  keys: ApplicationKeys,
  scope: string,
  idempotency: Idempotency | undefined,
): Promise<SubmissionOutcome | undefined> {
  if (!idempotency) return undefined;
  const stored = await lockIdempotencyKey(tx, `${scope}:${idempotency.key}`);
  if (!stored) return undefined;
  if (stored.requestHash !== idempotency.requestHash) {
    throw new AppError('idempotency-key-reused', {
      detail: 'the Idempotency-Key was first used with a different request',
    });
  }
  // The access token is not stored: it is derived again from the application id.
  const body = {
    ...(stored.responseBody as Omit<SubmissionResult, 'accessToken'>),
    accessToken: keys.accessToken(stored.applicationId),
  };
  return { status: stored.responseStatus, body, replayed: true };
}

async function remember(
  tx: MembershipTx,
  keys: ApplicationKeys,
  scope: string,
  idempotency: Idempotency | undefined,
  row: ApplicationRow,
  status: number,
): Promise<SubmissionOutcome> {
  const body = result(row);
  if (idempotency) {
    await insertIdempotencyRecord(tx, {
      key: `${scope}:${idempotency.key}`,
      requestHash: idempotency.requestHash,
      applicationId: row.id,
      responseStatus: status,
      responseBody: body,
    });
  }
  return { status, body: { ...body, accessToken: keys.accessToken(row.id) }, replayed: false };
}

/** Every document must have been uploaded, every body must be an open assembly or working group. */
async function checkReferences(tx: MembershipTx, input: ApplicationInput): Promise<void> {
  const references = documentReferences(input);
  if (references.length) {
    const known = new Set(
      (
        await findDocuments(
          tx,
          references.map((reference) => reference.documentId),
        )
      ).map((document) => document.sha256),
    );
    const missing = references.filter((reference) => !known.has(reference.documentId));
    if (missing.length) {
      throw new AppError('unknown-document', {
        detail: `not uploaded: ${missing.map((reference) => reference.field).join(', ')}`,
        errors: missing.map((reference) => ({
          field: reference.field,
          code: 'unknown-document',
          message: 'no uploaded document with this id',
        })),
      });
    }
  }
  if (input.kind === 'individual' && input.body.bodyIds.length) {
    const bodies = new Map((await findBodies(tx, input.body.bodyIds)).map((body) => [body.id, body]));
    const errors: FieldError[] = [];
    input.body.bodyIds.forEach((bodyId, index) => {
      const body = bodies.get(bodyId);
      if (!body || body.archivedAt || !JOINABLE_BODY_KINDS.has(body.kind)) {
        errors.push({
          field: `body.bodyIds.${index}`,
          code: 'unknown-body',
          message: `no open assembly or working group with id ${bodyId}`,
        });
      }
    });
    if (errors.length)
      throw new AppError('unknown-body', { detail: errors.map((error) => error.message).join('; '), errors });
  }
}

/** Refuse an application whose DERBİS number, TC Kimlik No or e-mail is already pending or a member. */
async function refuseDuplicates(
  tx: MembershipTx,
  id: string,
  kind: ApplicationRow['kind'],
  content: ApplicationContent,
): Promise<void> {
  const identity = {
    kind,
    email: content.email,
    tcKimlikDigest: content.tcKimlikDigest,
    derbisNumber: content.derbisNumber,
  };
  await lockIdentities(tx, [
    `email:${kind}:${identity.email}`,
    ...(identity.tcKimlikDigest ? [`tc:${identity.tcKimlikDigest}`] : []),
    ...(identity.derbisNumber ? [`derbis:${identity.derbisNumber}`] : []),
  ]);
  const clash = await findIdentityClash(tx, { excludeId: id, ...identity });
  if (clash.derbis) {
    throw new AppError('duplicate-application-derbis', {
      detail: 'an application or membership with this DERBİS number exists',
      errors: [
        {
          field: 'body.organisation.derbisNumber',
          code: 'duplicate',
          message: 'already pending or a member',
        },
      ],
    });
  }
  if (clash.tcKimlik) {
    throw new AppError('duplicate-application-tc-kimlik', {
      detail: 'an application or membership with this TC Kimlik No exists',
      errors: [{ field: 'body.tcKimlikNo', code: 'duplicate', message: 'already pending or a member' }],
    });
  }
  if (clash.email) {
    const field = kind === 'individual' ? 'body.contact.email' : 'body.organisation.email';
    throw new AppError('duplicate-application-email', {
      detail: 'an application or membership with this e-mail address exists',
      errors: [{ field, code: 'duplicate', message: 'already pending or a member' }],
    });
  }
}

/** Until the application is decided, notifications reaches the applicant by the application's id. */
async function publishApplicantContact(
  tx: MembershipTx,
  applicationId: string,
  input: ApplicationInput,
): Promise<void> {
  const contact =
    input.kind === 'individual'
      ? { email: input.body.contact.email, phone: input.body.contact.phone ?? null }
      : { email: input.body.organisation.email, phone: input.body.organisation.phone ?? null };
  await publishContact(tx, {
    subjectKind: 'applicant',
    subjectId: applicationId,
    ...contact,
    language: 'tr',
  });
}
