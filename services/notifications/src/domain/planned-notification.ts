import type { TemplateVariables } from '../templates/render-template.js';
import type { TemplateName } from '../templates/template-catalogue.js';
import type { PersonalChannel } from './channel-name.js';

/** Staff audiences: accounts holding the role that subscribed to them (PUT /v1/notifications/me/audiences/…). */
export type StaffAudience = 'staff' | 'evaluation-committee' | 'election-committee' | 'executive-board';

/** Who a notification is for. */
export type Audience =
  | { kind: 'member'; memberId: string }
  | { kind: 'account'; accountId: string }
  /** Someone who applied and is not (yet) a member, reached by the application's id. */
  | { kind: 'applicant'; applicationId: string }
  | { kind: 'staff'; audience: StaffAudience }
  /** Members who cast a ballot in the election (known from the ballot receipts this service sent). */
  | { kind: 'voters'; electionId: string }
  /** The active members of a body (every active member for the General Assembly), or of an election's body. */
  | { kind: 'body-members'; bodyId?: string; electionId?: string }
  /** The configured webhook endpoints (public events only). */
  | { kind: 'integrations' };

export interface PlannedNotification {
  to: Audience;
  template: TemplateName;
  variables: TemplateVariables;
  /** Channels for people (default e-mail only); integrations always get a webhook. */
  channels?: readonly PersonalChannel[];
}
