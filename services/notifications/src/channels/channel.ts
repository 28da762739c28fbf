import type { ChannelName } from '../domain/channel-name.js';

/** One message ready to leave: the address, what to say, and the ids a provider may echo back. */
export interface OutgoingMessage {
  notificationId: string;
  /** E-mail address, phone number or webhook URL. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** Extra mail headers (List-Unsubscribe). */
  headers?: Record<string, string>;
  /** The JSON body of a webhook. */
  payload?: unknown;
}

/** What the provider answered: stored in the delivery log, so it must carry no address or content. */
export interface SendReceipt {
  providerResponse: string;
}

/** Every way out implements this; an error means "not delivered" and the delivery queue retries. */
export interface Channel {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<SendReceipt>;
  close?(): Promise<void>;
}

/** A provider's refusal, with a short description safe to log (no address, no content). */
export class ChannelError extends Error {
  constructor(
    readonly channel: ChannelName,
    readonly providerResponse: string,
    readonly permanent = false,
  ) {
    super(`${channel}: ${providerResponse}`);
    this.name = 'ChannelError';
  }
}

/** Strip anything that looks like an e-mail address or a phone number from a provider's words. */
export function scrubPersonalData(text: string): string {
  return text
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[adres]')
    .replace(/\+?\d[\d\s-]{7,}\d/g, '[numara]')
    .slice(0, 300);
}
