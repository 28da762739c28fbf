import type { MotionSubmitters } from '@konsey/contracts';
import type { TemplateVariables } from '../templates/render-template.js';
import type { TemplateName } from '../templates/template-catalogue.js';
import type { PersonalChannel } from './channel-name.js';
import type { PlannedNotification } from './planned-notification.js';

export interface SubmitterNoticeOptions {
  /** Whether the members of the motion's origin body hear of it too (not for a mere receipt). */
  originBody: boolean;
  /** Channels for the submitter, who may have to act (default e-mail only). */
  submitterChannels?: readonly PersonalChannel[];
}

/**
 * The notices for the people a motion comes from: the submitter, each co-signer, and the active members of
 * the assembly or working group it comes from. Listed in that order, because one person gets one notice per
 * event and channel (the first planned wins), so a submitter who also sits in the body is told as submitter.
 * A message from before `submittedBy` existed names nobody.
 */
export function submitterNotices(
  submittedBy: MotionSubmitters | undefined,
  template: TemplateName,
  variables: TemplateVariables,
  options: SubmitterNoticeOptions,
): PlannedNotification[] {
  if (!submittedBy) return [];
  const coSigners = [...new Set(submittedBy.coSponsorIds)].filter((id) => id !== submittedBy.submitterId);
  return [
    {
      to: { kind: 'member', memberId: submittedBy.submitterId },
      template,
      variables: { ...variables, role: 'submitter' },
      ...(options.submitterChannels ? { channels: options.submitterChannels } : {}),
    },
    ...coSigners.map((memberId) => ({
      to: { kind: 'member' as const, memberId },
      template,
      variables: { ...variables, role: 'co_sponsor' },
    })),
    ...(options.originBody && submittedBy.bodyId
      ? [
          {
            to: { kind: 'body-members' as const, bodyId: submittedBy.bodyId },
            template,
            variables: { ...variables, role: 'body' },
          },
        ]
      : []),
  ];
}

/** A reason per line, as the Executive Board wrote it. */
export const reasonLines = (reasons: readonly string[]) =>
  reasons.map((reason) => `• ${reason}`).join('\n') || '—';
