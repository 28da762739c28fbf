import type { MotionDetailRow } from '../data/motion-repository.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import { availableActions, type MotionState, type Workflow } from '../domain/motion-workflow.js';

const date = (value: Date | null) => (value ? toCalendarDate(value) : null);

/**
 * A motion as the API shows it. The public sees names members chose to show and nothing else of them;
 * signed-in council roles also see member ids and who took each step.
 */
export function motionView(
  row: MotionDetailRow,
  options: { audience: 'public' | 'council'; workflow: Workflow },
) {
  const council = options.audience === 'council';
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    text: row.text,
    rationale: row.rationale,
    topic: row.topic,
    origin: { kind: row.originKind, bodyId: row.originBodyId, name: row.originName },
    state: row.state,
    revision: row.revision,
    submitter: { displayName: row.submitterName, ...(council ? { memberId: row.submitterId } : {}) },
    coSponsors: row.sponsors
      .filter((sponsor) => sponsor.role === 'co-sponsor')
      .map((sponsor) => ({
        displayName: sponsor.displayName,
        ...(council ? { memberId: sponsor.memberId } : {}),
      })),
    revisions: row.revisions.map((revision) => ({
      revision: revision.revision,
      title: revision.title,
      text: revision.text,
      rationale: revision.rationale,
      note: revision.note,
      createdAt: revision.createdAt.toISOString(),
    })),
    attachments: row.attachments.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    })),
    relatedMotionIds: [
      ...new Set([...row.relations.map((r) => r.relatedId), ...row.relatedFrom.map((r) => r.motionId)]),
    ],
    mergedIntoId: row.mergedIntoId,
    agenda: row.agenda
      ? { id: row.agenda.id, meetingOn: toCalendarDate(row.agenda.meetingOn), position: row.agendaPosition }
      : null,
    poll: row.pollId
      ? {
          pollId: row.pollId,
          yes: row.pollYes,
          no: row.pollNo,
          abstain: row.pollAbstain,
          present: row.pollPresent,
          majority: row.pollMajority,
          outcome: row.pollOutcome,
          decidedAt: row.pollDecidedAt?.toISOString() ?? null,
        }
      : null,
    adoptedAt: row.adoptedAt?.toISOString() ?? null,
    letter: row.letterNumber
      ? { number: row.letterNumber, date: date(row.letterDate), receivedOn: date(row.receivedOn) }
      : null,
    municipal: {
      meetingOn: row.municipalMeeting ? toCalendarDate(row.municipalMeeting.meetingOn) : null,
      agendaItem: row.municipalAgendaItem,
      outcome: row.municipalOutcome,
      decisionNumber: row.decisionNumber,
      decidedOn: date(row.decidedOn),
      text: row.decisionText,
    },
    overdue: row.overdueAt
      ? { since: row.overdueAt.toISOString(), firstMeetingOn: date(row.overdueMeetingOn) }
      : null,
    history: row.transitions.map((step) => ({
      action: step.action,
      from: step.fromState,
      to: step.toState,
      reason: step.reason,
      at: step.at.toISOString(),
      actorRole: step.actorRole,
      ...(council ? { actorId: step.actorId } : {}),
    })),
    ...(council ? { availableActions: availableActions(options.workflow, row.state as MotionState) } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
