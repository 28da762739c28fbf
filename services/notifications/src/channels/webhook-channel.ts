import {
  signWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../domain/webhook-signature.js';
import {
  ChannelError,
  scrubPersonalData,
  type Channel,
  type OutgoingMessage,
  type SendReceipt,
} from './channel.js';

/**
 * Webhooks for integrations: the JSON body signed with HMAC-SHA256 over `timestamp.body`; the headers
 * carry the timestamp (Unix seconds), the signature and the notification id (for receivers to de-duplicate).
 */
export function createWebhookChannel(options: { secret: string; now?: () => Date }): Channel {
  return {
    name: 'webhook',
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      const body = JSON.stringify(message.payload);
      const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
      let response: Response;
      try {
        response = await fetch(message.to, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_ID_HEADER]: message.notificationId,
            [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
            [WEBHOOK_SIGNATURE_HEADER]: signWebhook(body, timestamp, options.secret),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new ChannelError('webhook', scrubPersonalData(`unreachable: ${(error as Error).message}`));
      }
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw new ChannelError('webhook', `HTTP ${response.status}`);
      return { providerResponse: `HTTP ${response.status}` };
    },
  };
}
