import { randomUUID } from 'node:crypto';
import type { Role } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { admitMemberInTransaction, type NewRepresentative } from '../../app/admit-member.js';
import { publishContact } from '../../app/publish-contact.js';
import { findBodies } from '../../data/body-repository.js';
import { recordAudit } from '../../data/member-repository.js';
import { fromCalendarDate } from '../../domain/calendar-date.js';
import type { MembershipPrisma, MembershipTx } from '../../membership-prisma.js';
import {
  decisionsOf,
  findDocuments,
  insertDecision,
  lockApplication,
  setApplicationOutcome,
  type ApplicationRow,
  type DeciderRole,
} from '../data/application-repository.js';
import type {
  ApplicationDetail,
  DecisionBody,
  IndividualApplicationBody,
  InstitutionalApplicationBody,
} from '../http/application-schemas.js';
import { storedDocumentReferences } from './application-forms.js';
import { toDetail } from './application-views.js';

/** Who decides which applications: the Executive Board the institutional, the evaluation committee the individual. */
export function deciderRoleFor(kind: ApplicationRow['kind']): DeciderRole {
  return kind === 'institutional' ? 'executive-board' : 'evaluation-committee';
}

export interface DecideApplicationOptions {
  prisma: MembershipPrisma;
  actor: string;
  roles: readonly Role[];
  applicationId: string;
  decision: DecisionBody;
}

/**
 * Record a review decision. Approval admits the member (representatives, bodies, audit and events)
 * in the same transaction as the decision, its audit entry and `membership.application.decided`.
 */
export async function decideApplication(options: DecideApplicationOptions): Promise<ApplicationDetail> {
  return options.prisma.$transaction(async (tx) => {
    const application = await lockApplication(tx, options.applicationId);
    if (!application) throw new AppError('not-found', { detail: `application ${options.applicationId}` });
    const deciderRole = deciderRoleFor(application.kind);
    if (!options.roles.includes(deciderRole)) {
      throw new AppError('decision-role-mismatch', {
        detail: `${application.kind} applications are decided by the ${deciderRole} role`,
      });
    }
    if (application.status !== 'submitted') {
      throw new AppError('application-not-pending', {
        detail: `application ${application.id} is ${application.status}`,
      });
    }
    const { decision } = options;
    const memberId =
      decision.outcome === 'approved' ? await admit(tx, options.actor, application) : undefined;
    const updated = await setApplicationOutcome(tx, application.id, {
      status: decision.outcome,
      ...(memberId ? { memberId } : {}),
    });
    await insertDecision(tx, {
      id: randomUUID(),
      applicationId: application.id,
      outcome: decision.outcome,
      reason: decision.reason ?? null,
      decisionNumber: decision.decisionNumber,
      decidedOn: fromCalendarDate(decision.decidedOn),
      decidedBy: options.actor,
      deciderRole,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'application.decided',
      subjectId: application.id,
      details: {
        outcome: decision.outcome,
        decisionNumber: decision.decisionNumber,
        decidedOn: decision.decidedOn,
        deciderRole,
        ...(memberId ? { memberId } : {}),
      },
    });
    await publishEvent(tx, {
      type: 'membership.application.decided',
      data: {
        applicationId: application.id,
        kind: application.kind,
        outcome: decision.outcome,
        decisionNumber: decision.decisionNumber,
        decidedOn: decision.decidedOn,
        ...(memberId ? { memberId } : {}),
      },
    });
    const documents = await findDocuments(
      tx,
      storedDocumentReferences(updated.kind, updated.form).map((reference) => reference.documentId),
    );
    return toDetail(updated, await decisionsOf(tx, application.id), documents);
  });
}

/** Admit the applicant; bodies closed since the application are left out (and noted in the audit). */
async function admit(tx: MembershipTx, actor: string, application: ApplicationRow): Promise<string> {
  if (application.kind === 'individual') {
    const form = application.form as unknown as Omit<IndividualApplicationBody, 'tcKimlikNo'>;
    const requested = form.bodyIds ?? [];
    const open = requested.length
      ? (await findBodies(tx, requested)).filter(
          (body) => !body.archivedAt && (body.kind === 'assembly' || body.kind === 'working-group'),
        )
      : [];
    const bodyIds = requested.filter((id) => open.some((body) => body.id === id));
    const member = await admitMemberInTransaction(tx, {
      actor,
      kind: 'individual',
      displayName: form.fullName,
      gender: form.gender,
      bodyIds,
    });
    await publishContact(tx, {
      subjectKind: 'member',
      subjectId: member.id,
      email: form.contact.email,
      phone: form.contact.phone ?? null,
      language: 'tr',
    });
    const dropped = requested.filter((id) => !bodyIds.includes(id));
    if (dropped.length) {
      await recordAudit(tx, {
        actor,
        action: 'application.bodies-closed',
        subjectId: application.id,
        details: { dropped },
      });
    }
    return member.id;
  }
  const form = application.form as unknown as InstitutionalApplicationBody;
  const representative = (
    seat: NewRepresentative['seat'],
    person: InstitutionalApplicationBody['representatives']['full'],
  ): NewRepresentative => ({
    seat,
    displayName: person.fullName,
    gender: person.gender,
    email: person.contact.email,
    phone: person.contact.phone,
  });
  const member = await admitMemberInTransaction(tx, {
    actor,
    kind: 'institutional',
    displayName: form.organisation.name,
    representatives: [
      representative('full', form.representatives.full),
      ...(form.representatives.substitute
        ? [representative('substitute', form.representatives.substitute)]
        : []),
    ],
  });
  // The institution is reached through its full representative, who acts and votes for it.
  await publishContact(tx, {
    subjectKind: 'member',
    subjectId: member.id,
    email: form.representatives.full.contact.email,
    phone: form.representatives.full.contact.phone ?? null,
    language: 'tr',
  });
  return member.id;
}
