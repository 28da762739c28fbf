import type { MessageData, MessageType } from '@konsey/contracts';
import type { TemplateVariables } from '../templates/render-template.js';
import type { TemplateName } from '../templates/template-catalogue.js';
import type { PlannedNotification } from './planned-notification.js';
import { reasonLines, submitterNotices } from './submitter-notices.js';
import { electedByGeneralAssembly } from './general-assembly-offices.js';

export type { Audience, PlannedNotification, StaffAudience } from './planned-notification.js';

type Planner<T extends MessageType> = (data: MessageData<T>) => PlannedNotification[];

/** Event types that become notifications (contact changes feed the directory instead). */
export type NotifiedType = Exclude<MessageType, 'membership.contact.changed'> & keyof typeof recipientsTable;

/** ICU select keys cannot contain `-`: `executive-board` becomes `executive_board`. */
const selectKey = (value: string) => value.replace(/-/g, '_');

const reasons = (list: { tr: string; en: string }[]) =>
  list.map((r) => `${r.tr} / ${r.en}`).join('\n') || '—';

/**
 * The one table of who receives what. Essential (cannot be opted out of) is a property of the
 * template; see template-catalogue.ts.
 *
 * | event | recipients | channels |
 * | --- | --- | --- |
 * | application.submitted | staff audiences `evaluation-committee`, `staff`; the applicant (receipt) | e-mail |
 * | application.decided | the applicant, whatever the outcome | e-mail |
 * | member.admitted | the member | e-mail |
 * | member.status-changed | the member (essential) | e-mail |
 * | sign-in-code.issued | the account, on the channel asked for (essential, no quiet hours) | e-mail or SMS |
 * | election.announced | the active members of the body (every active member for the GA); integrations | e-mail; webhook |
 * | candidacy.decided | the candidate | e-mail |
 * | objection.decided | the objector (essential) | e-mail |
 * | voting.opened | the active members of the election's body; integrations | e-mail, SMS; webhook |
 * | ballot.received | the voter (essential receipt) | e-mail, SMS |
 * | result.certified | voters of that election and the elected (essential); integrations | e-mail; webhook |
 * | motion.submitted | the submitter and co-signers (receipt) | e-mail |
 * | motion.returned | the submitter (e-mail, SMS), co-signers, members of the origin body; with the reasons | e-mail |
 * | motion.rejected / merged / scheduled | the submitter, co-signers, members of the origin body | e-mail |
 * | motion.withdrawn | the submitter, co-signers, members of the origin body (nobody for a draft) | e-mail |
 * | motion.adopted / sent / decided / overdue | the submitter, co-signers, members of the origin body; staff audiences `staff`, `executive-board`; integrations (without submitters) | e-mail; webhook |
 */
export const recipientsTable = {
  'membership.application.submitted': (data) => [
    ...(['evaluation-committee', 'staff'] as const).map((audience) => ({
      to: { kind: 'staff' as const, audience },
      template: 'application-submitted' as const,
      variables: { kind: data.kind, submittedAt: data.submittedAt, applicationId: data.applicationId },
    })),
    {
      to: { kind: 'applicant', applicationId: data.applicationId },
      template: 'application-received',
      variables: { submittedAt: data.submittedAt, applicationId: data.applicationId },
    },
  ],
  // The applicant hears of every outcome at the address they applied with (approved, rejected, returned).
  'membership.application.decided': (data) => [
    {
      to: { kind: 'applicant', applicationId: data.applicationId },
      template: 'application-decided',
      variables: { outcome: data.outcome, decisionNumber: data.decisionNumber, decidedOn: data.decidedOn },
    },
  ],
  'membership.member.admitted': (data) => [
    {
      to: { kind: 'member', memberId: data.memberId },
      template: 'member-admitted',
      variables: { displayName: data.displayName, admittedAt: data.admittedAt },
    },
  ],
  'membership.member.status-changed': (data) => [
    {
      to: { kind: 'member', memberId: data.memberId },
      template: 'member-status-changed',
      variables: { status: data.status, effectiveAt: data.effectiveAt, reason: data.reason ?? '—' },
    },
  ],
  'membership.sign-in-code.issued': (data) => [
    {
      to: { kind: 'account', accountId: data.accountId },
      template: 'sign-in-code',
      variables: { code: data.code, expiresAt: data.expiresAt },
      channels: [data.channel],
    },
  ],
  'elections.election.announced': (data) => {
    const variables = {
      title: data.title,
      office: selectKey(data.office),
      votingOn: data.votingOn,
      candidacyOpensOn: data.candidacyOpensOn,
      candidacyClosesOn: data.candidacyClosesOn,
      electionId: data.electionId,
      bodyId: data.bodyId,
    };
    return [
      {
        // The General Assembly elects the President and the Executive Board: every member hears of it.
        to: electedByGeneralAssembly(data.office)
          ? { kind: 'body-members', electionId: data.electionId }
          : { kind: 'body-members', bodyId: data.bodyId },
        template: 'election-announced',
        variables,
      },
      { to: { kind: 'integrations' }, template: 'election-announced', variables },
    ];
  },
  'elections.candidacy.decided': (data) => [
    {
      to: { kind: 'member', memberId: data.memberId },
      template: 'candidacy-decided',
      variables: {
        eligible: data.eligible ? 'yes' : 'no',
        reasons: reasons(data.reasons),
        electionId: data.electionId,
      },
    },
  ],
  'elections.objection.decided': (data) => [
    {
      to: { kind: 'member', memberId: data.objectorId },
      template: 'objection-decided',
      variables: { upheld: data.upheld ? 'yes' : 'no', reason: `${data.reason.tr} / ${data.reason.en}` },
    },
  ],
  'elections.voting.opened': (data) => {
    const variables = { title: data.title, round: data.round, electionId: data.electionId };
    return [
      {
        to: { kind: 'body-members', electionId: data.electionId },
        template: 'voting-opened',
        variables,
        channels: ['email', 'sms'],
      },
      { to: { kind: 'integrations' }, template: 'voting-opened', variables },
    ];
  },
  'elections.ballot.received': (data) => [
    {
      to: { kind: 'member', memberId: data.memberId },
      template: 'ballot-received',
      variables: { round: data.round, trackingCode: data.trackingCode, electionId: data.electionId },
      channels: ['email', 'sms'],
    },
  ],
  'elections.result.certified': (data) => {
    const variables = {
      office: selectKey(data.office),
      electedCount: data.elected.length,
      termStart: data.termStart,
      termEnd: data.termEnd,
      electionId: data.electionId,
    };
    return [
      ...data.elected.map((elected) => ({
        to: { kind: 'member' as const, memberId: elected.memberId },
        template: 'result-certified' as const,
        variables: { ...variables, elected: 'yes' },
      })),
      {
        to: { kind: 'voters', electionId: data.electionId },
        template: 'result-certified',
        variables: { ...variables, elected: 'no' },
      },
      {
        to: { kind: 'integrations' },
        template: 'result-certified',
        variables: { ...variables, elected: 'no' },
      },
    ];
  },
  'motions.motion.submitted': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-submitted',
      { ...motionOf(data), revision: data.revision, submittedAt: data.submittedAt },
      { originBody: false },
    ),
  'motions.motion.returned': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-returned',
      { ...motionOf(data), reasons: reasonLines(data.reasons), returnedAt: data.returnedAt },
      { originBody: true, submitterChannels: ['email', 'sms'] },
    ),
  'motions.motion.rejected': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-rejected',
      {
        ...motionOf(data),
        stage: selectKey(data.stage),
        reasons: reasonLines(data.reasons),
        rejectedAt: data.rejectedAt,
      },
      { originBody: true },
    ),
  'motions.motion.merged': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-merged',
      {
        ...motionOf(data),
        mergedIntoId: data.mergedIntoId,
        mergedIntoTitle: data.mergedIntoTitle ?? data.mergedIntoId,
        mergedAt: data.mergedAt,
      },
      { originBody: true },
    ),
  'motions.motion.scheduled': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-scheduled',
      { ...motionOf(data), meetingOn: data.meetingOn, position: data.position },
      { originBody: true },
    ),
  // A draft's withdrawal names nobody (`submittedBy` absent): its author withdrew what nobody else saw.
  'motions.motion.withdrawn': (data) =>
    submitterNotices(
      data.submittedBy,
      'own-motion-withdrawn',
      { ...motionOf(data), withdrawnAt: data.withdrawnAt },
      { originBody: true },
    ),
  'motions.motion.adopted': (data) => [
    ...submitterNotices(
      data.submittedBy,
      'own-motion-adopted',
      { ...motionOf(data), adoptedAt: data.adoptedAt },
      { originBody: true },
    ),
    ...motionNotices('motion-adopted', withoutSubmitters(data)),
  ],
  'motions.motion.sent': (data) => [
    ...submitterNotices(
      data.submittedBy,
      'own-motion-sent',
      { ...motionOf(data), letterNumber: data.letterNumber, sentOn: data.sentOn },
      { originBody: true },
    ),
    ...motionNotices('motion-sent', withoutSubmitters(data)),
  ],
  'motions.motion.decided': (data) => [
    ...submitterNotices(
      data.submittedBy,
      'own-motion-decided',
      {
        ...motionOf(data),
        outcome: data.outcome,
        decisionNumber: data.decisionNumber,
        decidedOn: data.decidedOn,
      },
      { originBody: true },
    ),
    ...motionNotices('motion-decided', withoutSubmitters(data)),
  ],
  'motions.motion.overdue': (data) => [
    ...submitterNotices(
      data.submittedBy,
      'own-motion-overdue',
      { ...motionOf(data), sentOn: data.sentOn, firstMeetingOn: data.firstMeetingOn },
      { originBody: true },
    ),
    ...motionNotices('motion-overdue', withoutSubmitters(data)),
  ],
} satisfies { [T in Exclude<MessageType, 'membership.contact.changed'>]?: Planner<T> };

const motionOf = (data: { motionId: string; title: string; topic: string }) => ({
  motionId: data.motionId,
  title: data.title,
  topic: data.topic,
});

/** Staff notices and webhooks carry the motion, never who submitted it. */
function withoutSubmitters<T extends { submittedBy?: unknown }>(data: T): Omit<T, 'submittedBy'> {
  const { submittedBy: _submitters, ...motion } = data;
  return motion;
}

function motionNotices(template: TemplateName, variables: TemplateVariables): PlannedNotification[] {
  return [
    { to: { kind: 'staff', audience: 'staff' }, template, variables },
    { to: { kind: 'staff', audience: 'executive-board' }, template, variables },
    { to: { kind: 'integrations' }, template, variables },
  ];
}
