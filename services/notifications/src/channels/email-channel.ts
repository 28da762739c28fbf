import nodemailer from 'nodemailer';
import {
  ChannelError,
  scrubPersonalData,
  type Channel,
  type OutgoingMessage,
  type SendReceipt,
} from './channel.js';

/** E-mail over SMTP (nodemailer, pooled connections). */
export function createEmailChannel(options: { smtpUrl: string; from: string }): Channel {
  const transport = nodemailer.createTransport(
    options.smtpUrl.includes('?') ? options.smtpUrl : `${options.smtpUrl}?pool=true&maxConnections=5`,
  );
  return {
    name: 'email',
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { 'X-Konsey-Notification': message.notificationId, ...message.headers },
        });
        return { providerResponse: scrubPersonalData(String(info.response ?? 'accepted')) };
      } catch (error) {
        const smtp = error as { responseCode?: number; code?: string; response?: string };
        const permanent =
          typeof smtp.responseCode === 'number' && smtp.responseCode >= 550 && smtp.responseCode < 560;
        throw new ChannelError(
          'email',
          scrubPersonalData(smtp.response ?? `${smtp.code ?? 'error'} ${(error as Error).message}`),
          permanent,
        );
      }
    },
    async close() {
      transport.close();
    },
  };
}
