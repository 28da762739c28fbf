import type { InstitutionKind } from '@konsey/contracts';
import { toCalendarDate } from '../../domain/calendar-date.js';
import type { ApplicationRow, DecisionRow, DocumentRow } from '../data/application-repository.js';
import {
  ApplicantView,
  ApplicationDetail,
  ApplicationSummary,
  DecisionView,
} from '../http/application-schemas.js';
import { storedDocumentReferences } from './application-forms.js';

// Views are parsed through their schemas, which drop any field they do not declare: a column added
// later (or a digest) cannot reach a response by accident.

export function toSummary(row: ApplicationRow): ApplicationSummary {
  return ApplicationSummary.parse({
    id: row.id,
    kind: row.kind,
    status: row.status,
    displayName: row.displayName,
    institutionKind: (row.institutionKind as InstitutionKind | null) ?? null,
    submittedAt: row.submittedAt.toISOString(),
    resubmissions: row.resubmissions,
    memberId: row.memberId,
  });
}

export function toDecisionView(row: DecisionRow): DecisionView {
  return DecisionView.parse({
    outcome: row.outcome,
    reason: row.reason,
    decisionNumber: row.decisionNumber,
    decidedOn: toCalendarDate(row.decidedOn),
    decidedBy: row.decidedBy,
    deciderRole: row.deciderRole,
    recordedAt: row.recordedAt.toISOString(),
  });
}

export function toDetail(
  row: ApplicationRow,
  decisions: readonly DecisionRow[],
  documents: readonly DocumentRow[],
): ApplicationDetail {
  const byId = new Map(documents.map((document) => [document.sha256, document]));
  return ApplicationDetail.parse({
    ...toSummary(row),
    form: row.form,
    documents: storedDocumentReferences(row.kind, row.form).flatMap((reference) => {
      const document = byId.get(reference.documentId);
      return document
        ? [
            {
              purpose: reference.purpose,
              documentId: document.sha256,
              contentType: document.contentType,
              sizeBytes: document.sizeBytes,
            },
          ]
        : [];
    }),
    decisions: decisions.map(toDecisionView),
  });
}

export function toApplicantView(row: ApplicationRow, decisions: readonly DecisionRow[]): ApplicantView {
  const last = decisions.at(-1);
  return ApplicantView.parse({
    id: row.id,
    kind: row.kind,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    form: row.form,
    lastDecision: last
      ? {
          outcome: last.outcome,
          reason: last.reason,
          decisionNumber: last.decisionNumber,
          decidedOn: toCalendarDate(last.decidedOn),
        }
      : null,
  });
}
