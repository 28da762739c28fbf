import type { z } from 'zod';
import type { ServiceName } from './enums.js';
import {
  ballotReceived,
  candidacyDecided,
  electionAnnounced,
  objectionDecided,
  openPoll,
  pollDecided,
  resultCertified,
  votingOpened,
} from './events/elections-events.js';
import {
  motionAdopted,
  motionDecided,
  motionMerged,
  motionOverdue,
  motionRejected,
  motionReturned,
  motionScheduled,
  motionSent,
  motionSubmitted,
  motionWithdrawn,
} from './events/motions-events.js';
import { contactChanged, signInCodeIssued } from './events/notification-events.js';
import {
  applicationDecided,
  applicationSubmitted,
  bodyCreated,
  bodyMembershipChanged,
  memberAdmitted,
  memberStatusChanged,
  memberUpdated,
  officeAssumed,
  officeEnded,
  representativeChanged,
} from './events/membership-events.js';
import type { MessageDefinition } from './message-definition.js';

/**
 * Every event and command on the bus, keyed by type: the single table of who produces what and who
 * consumes it. Adding a message means adding it here.
 */
export const catalogue = {
  [applicationSubmitted.type]: applicationSubmitted,
  [applicationDecided.type]: applicationDecided,
  [memberAdmitted.type]: memberAdmitted,
  [memberUpdated.type]: memberUpdated,
  [memberStatusChanged.type]: memberStatusChanged,
  [representativeChanged.type]: representativeChanged,
  [bodyCreated.type]: bodyCreated,
  [bodyMembershipChanged.type]: bodyMembershipChanged,
  [officeAssumed.type]: officeAssumed,
  [officeEnded.type]: officeEnded,
  [contactChanged.type]: contactChanged,
  [signInCodeIssued.type]: signInCodeIssued,
  [electionAnnounced.type]: electionAnnounced,
  [candidacyDecided.type]: candidacyDecided,
  [objectionDecided.type]: objectionDecided,
  [votingOpened.type]: votingOpened,
  [ballotReceived.type]: ballotReceived,
  [resultCertified.type]: resultCertified,
  [openPoll.type]: openPoll,
  [pollDecided.type]: pollDecided,
  [motionAdopted.type]: motionAdopted,
  [motionSent.type]: motionSent,
  [motionDecided.type]: motionDecided,
  [motionOverdue.type]: motionOverdue,
  [motionSubmitted.type]: motionSubmitted,
  [motionReturned.type]: motionReturned,
  [motionScheduled.type]: motionScheduled,
  [motionRejected.type]: motionRejected,
  [motionMerged.type]: motionMerged,
  [motionWithdrawn.type]: motionWithdrawn,
} as const satisfies Record<string, MessageDefinition>;

export type MessageType = keyof typeof catalogue;
export type MessageData<T extends MessageType> = z.infer<(typeof catalogue)[T]['schema']>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(catalogue, type);
}

/** Message types a service must handle (the routing table, read from the consumer side). */
export function messagesConsumedBy(service: ServiceName): MessageType[] {
  return (Object.keys(catalogue) as MessageType[]).filter((type) =>
    (catalogue[type].consumers as readonly ServiceName[]).includes(service),
  );
}

/** Message types a service may publish. */
export function messagesProducedBy(service: ServiceName): MessageType[] {
  return (Object.keys(catalogue) as MessageType[]).filter((type) => catalogue[type].producer === service);
}
