import {
  ChannelError,
  scrubPersonalData,
  type Channel,
  type OutgoingMessage,
  type SendReceipt,
} from './channel.js';

/**
 * SMS through an HTTP provider adapter: POST `{to, text, sender, reference}` as JSON with a bearer
 * credential; any 2xx is accepted, and a JSON `id` or `messageId` in the answer is logged as the receipt.
 */
export function createSmsChannel(options: {
  url: string | undefined;
  token: string | undefined;
  sender: string;
}): Channel {
  return {
    name: 'sms',
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      if (!options.url) throw new ChannelError('sms', 'SMS_URL is not configured');
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({
            to: message.to,
            text: message.text,
            sender: options.sender,
            reference: message.notificationId,
          }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new ChannelError('sms', scrubPersonalData(`unreachable: ${(error as Error).message}`));
      }
      const body = (await response.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown };
      const id = body.id ?? body.messageId;
      const receipt = `HTTP ${response.status}${typeof id === 'string' || typeof id === 'number' ? ` id=${scrubPersonalData(String(id))}` : ''}`;
      if (!response.ok)
        throw new ChannelError(
          'sms',
          receipt,
          response.status >= 400 && response.status < 500 && response.status !== 429,
        );
      return { providerResponse: receipt };
    },
  };
}
