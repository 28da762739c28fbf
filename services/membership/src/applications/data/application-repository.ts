import type { MemberKind } from '@konsey/contracts';
import type { Prisma } from '../../generated/prisma/client.js';
import type { MembershipPrisma, MembershipTx } from '../../membership-prisma.js';
import type { DocumentType } from '../domain/document-type.js';

type Db = MembershipTx | MembershipPrisma;

export type ApplicationStatusValue = 'submitted' | 'returned' | 'approved' | 'rejected';
export type DeciderRole = 'executive-board' | 'evaluation-committee';

export interface ApplicationRow {
  id: string;
  kind: MemberKind;
  status: ApplicationStatusValue;
  displayName: string;
  email: string;
  tcKimlikDigest: string | null;
  derbisNumber: string | null;
  institutionKind: string | null;
  form: Prisma.JsonValue;
  kvkkConsentVersion: string | null;
  kvkkConsentedAt: Date | null;
  submittedAt: Date;
  resubmissions: number;
  memberId: string | null;
}

export interface DecisionRow {
  id: string;
  applicationId: string;
  outcome: 'approved' | 'rejected' | 'returned';
  reason: string | null;
  decisionNumber: string;
  decidedOn: Date;
  decidedBy: string;
  deciderRole: string;
  recordedAt: Date;
}

/** The fields a submission (or a resubmission) sets. */
export interface ApplicationContent {
  displayName: string;
  email: string;
  tcKimlikDigest: string | null;
  derbisNumber: string | null;
  institutionKind: string | null;
  form: Prisma.InputJsonValue;
  kvkkConsentVersion: string | null;
  kvkkConsentedAt: Date | null;
  submittedAt: Date;
}

export async function insertApplication(
  db: MembershipTx,
  row: { id: string; kind: MemberKind } & ApplicationContent,
): Promise<ApplicationRow> {
  return (await db.membershipApplication.create({ data: row })) as ApplicationRow;
}

/** A returned application completed by the applicant goes back to review. */
export async function resubmitApplication(
  db: MembershipTx,
  id: string,
  content: ApplicationContent,
): Promise<ApplicationRow> {
  return (await db.membershipApplication.update({
    where: { id },
    data: { ...content, status: 'submitted', resubmissions: { increment: 1 } },
  })) as ApplicationRow;
}

export async function setApplicationOutcome(
  db: MembershipTx,
  id: string,
  change: { status: ApplicationStatusValue; memberId?: string },
): Promise<ApplicationRow> {
  return (await db.membershipApplication.update({ where: { id }, data: change })) as ApplicationRow;
}

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return (
    ((await db.membershipApplication.findUnique({ where: { id } })) as ApplicationRow | null) ?? undefined
  );
}

/** Lock the application row for the rest of the transaction, so decisions and resubmissions serialise. */
export async function lockApplication(db: MembershipTx, id: string): Promise<ApplicationRow | undefined> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM membership_applications WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length ? findApplication(db, id) : undefined;
}

export async function listApplications(
  db: Db,
  filter: {
    kinds: readonly MemberKind[];
    status?: ApplicationStatusValue | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ApplicationRow[]; total: number }> {
  const where = { kind: { in: [...filter.kinds] }, ...(filter.status ? { status: filter.status } : {}) };
  const [rows, total] = await Promise.all([
    db.membershipApplication.findMany({
      where,
      orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      take: filter.limit,
      skip: filter.offset,
    }),
    db.membershipApplication.count({ where }),
  ]);
  return { rows: rows as ApplicationRow[], total };
}

export async function decisionsOf(db: Db, applicationId: string): Promise<DecisionRow[]> {
  return (await db.applicationDecision.findMany({
    where: { applicationId },
    orderBy: { recordedAt: 'asc' },
  })) as DecisionRow[];
}

export async function insertDecision(
  db: MembershipTx,
  decision: Omit<DecisionRow, 'recordedAt'>,
): Promise<DecisionRow> {
  return (await db.applicationDecision.create({ data: decision })) as DecisionRow;
}

/**
 * Serialise submissions that share an identity (TC Kimlik digest, DERBİS number, e-mail) until the
 * transaction ends, so two concurrent submissions of the same person cannot both pass the check.
 */
export async function lockIdentities(db: MembershipTx, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await db.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`konsey/application-identity/${key}`}, 0))`;
  }
}

export interface IdentityClash {
  derbis: boolean;
  tcKimlik: boolean;
  email: boolean;
}

/**
 * Which identities are already taken by another application that is pending (submitted or returned
 * for completion) or approved with a membership that has not ended.
 */
export async function findIdentityClash(
  db: MembershipTx,
  identity: {
    excludeId: string;
    kind: MemberKind;
    email: string;
    tcKimlikDigest: string | null;
    derbisNumber: string | null;
  },
): Promise<IdentityClash> {
  const rows = await db.$queryRaw<{ derbis: boolean; tc_kimlik: boolean; email: boolean }[]>`
    SELECT bool_or(a.derbis_number = ${identity.derbisNumber}) AS derbis,
           bool_or(a.tc_kimlik_digest = ${identity.tcKimlikDigest}) AS tc_kimlik,
           bool_or(a.kind::text = ${identity.kind} AND a.email = ${identity.email}) AS email
      FROM membership_applications a
      LEFT JOIN members m ON m.id = a.member_id
     WHERE a.id <> ${identity.excludeId}::uuid
       AND (a.status IN ('submitted', 'returned') OR (a.status = 'approved' AND m.status <> 'terminated'))
       AND (a.derbis_number = ${identity.derbisNumber}
            OR a.tc_kimlik_digest = ${identity.tcKimlikDigest}
            OR (a.kind::text = ${identity.kind} AND a.email = ${identity.email}))`;
  const row = rows[0];
  return { derbis: row?.derbis === true, tcKimlik: row?.tc_kimlik === true, email: row?.email === true };
}

export interface DocumentRow {
  sha256: string;
  contentType: DocumentType;
  sizeBytes: number;
}

export async function upsertDocument(db: Db, document: DocumentRow): Promise<DocumentRow> {
  return (await db.applicationDocument.upsert({
    where: { sha256: document.sha256 },
    create: document,
    update: {},
  })) as DocumentRow;
}

export async function findDocuments(db: Db, sha256s: readonly string[]): Promise<DocumentRow[]> {
  return (await db.applicationDocument.findMany({
    where: { sha256: { in: [...sha256s] } },
  })) as DocumentRow[];
}

export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  applicationId: string;
  responseStatus: number;
  responseBody: Prisma.JsonValue;
}

/** Hold the key until the transaction ends; a concurrent retry waits and then sees the stored answer. */
export async function lockIdempotencyKey(
  db: MembershipTx,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  await db.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`konsey/idempotency/${key}`}, 0))`;
  return (
    ((await db.applicationIdempotencyKey.findUnique({ where: { key } })) as IdempotencyRecord | null) ??
    undefined
  );
}

export async function insertIdempotencyRecord(
  db: MembershipTx,
  record: Omit<IdempotencyRecord, 'responseBody'> & { responseBody: Prisma.InputJsonValue },
): Promise<void> {
  await db.applicationIdempotencyKey.create({ data: record });
}
