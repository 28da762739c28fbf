import type { Language } from '@konsey/contracts';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import { ChannelError, type Channel, type OutgoingMessage } from '../channels/channel.js';
import { findContact, findMemberContact } from '../data/contact-repository.js';
import { channelEnabled } from '../data/preference-repository.js';
import type { ChannelName } from '../domain/channel-name.js';
import { createUnsubscribeToken } from '../domain/unsubscribe-token.js';
import type { NotificationsPrisma } from '../notifications-prisma.js';
import { renderTemplate, TemplateRenderError, type TemplateVariables } from '../templates/render-template.js';
import { isTemplateName, templateOf } from '../templates/template-catalogue.js';

export interface DeliverySettings {
  channels: Record<ChannelName, Channel>;
  webhookEndpoints: readonly { name: string; url: string }[];
  unsubscribeSecret: string;
  publicBaseUrl: string;
  logger: Logger;
}

type Settled = 'sent' | 'failed' | 'skipped';

/**
 * Deliver one notification (a job of a delivery queue): reload it, check the preference again, find the
 * address in the directory, render in the recipient's language, send, and log the attempt. Throws to let
 * BullMQ retry; on the last attempt the notification is marked failed for operators.
 */
export async function deliverNotification(
  prisma: NotificationsPrisma,
  settings: DeliverySettings,
  notificationId: string,
  attempt: { number: number; final: boolean },
): Promise<Settled | 'retry' | 'gone'> {
  const notification = await prisma.notification.findUnique({ where: { id: notificationId } });
  if (!notification || ['sent', 'failed', 'skipped'].includes(notification.status)) return 'gone';
  const log = settings.logger.child({
    notificationId,
    channel: notification.channel,
    template: notification.template,
  });
  const started = Date.now();
  const settle = async (outcome: Settled, providerResponse: string) => {
    await record(prisma, notificationId, attempt.number, outcome, providerResponse, started, true);
    log.info({ outcome, attempt: attempt.number }, 'notification settled');
    return outcome;
  };

  if (
    !notification.essential &&
    !(await channelEnabled(prisma, notification.recipientId, notification.channel))
  )
    return settle('skipped', 'opted-out');
  if (!isTemplateName(notification.template))
    return settle('failed', `unknown template ${notification.template}`);

  const address = await addressOf(prisma, settings, notification);
  if (address.kind === 'none') return settle('skipped', address.reason);
  if (address.kind === 'wait') {
    if (attempt.final) return settle('failed', 'no contact details arrived');
    await record(prisma, notificationId, attempt.number, 'failed', 'no contact details yet', started, false);
    throw new Error('no contact details yet');
  }

  let message: OutgoingMessage;
  try {
    message = compose(settings, notification, address.to, address.language);
  } catch (error) {
    if (error instanceof TemplateRenderError) {
      await settle('failed', 'template cannot be rendered');
      throw new UnrecoverableError(error.message.replace(/ cannot be rendered:.*/, ' cannot be rendered'));
    }
    throw error;
  }

  try {
    const receipt = await settings.channels[notification.channel as ChannelName].send(message);
    return await settle('sent', receipt.providerResponse);
  } catch (error) {
    const response = error instanceof ChannelError ? error.providerResponse : 'send failed';
    const final = attempt.final || (error instanceof ChannelError && error.permanent);
    await record(prisma, notificationId, attempt.number, 'failed', response, started, final);
    log.warn({ attempt: attempt.number, final, providerResponse: response }, 'notification not delivered');
    if (final) throw new UnrecoverableError(`not delivered: ${response}`);
    // The provider's own error may name the address: only the scrubbed response travels on.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`not delivered: ${response}`);
  }
}

type Address =
  { kind: 'send'; to: string; language: Language } | { kind: 'wait' } | { kind: 'none'; reason: string };

async function addressOf(
  prisma: NotificationsPrisma,
  settings: DeliverySettings,
  notification: { recipientKind: string; recipientId: string; channel: string },
): Promise<Address> {
  if (notification.channel === 'webhook') {
    const endpoint = settings.webhookEndpoints.find((e) => e.name === notification.recipientId);
    return endpoint
      ? { kind: 'send', to: endpoint.url, language: 'tr' }
      : { kind: 'none', reason: 'endpoint removed' };
  }
  const contact =
    notification.recipientKind === 'member'
      ? await findMemberContact(prisma, notification.recipientId)
      : await findContact(prisma, notification.recipientId);
  if (!contact) return { kind: 'wait' };
  const to = notification.channel === 'email' ? contact.email : contact.phone;
  if (!to) return { kind: 'none', reason: `no ${notification.channel} address` };
  return { kind: 'send', to, language: contact.language as Language };
}

function compose(
  settings: DeliverySettings,
  notification: {
    id: string;
    eventId: string;
    eventType: string;
    template: string;
    channel: string;
    essential: boolean;
    recipientId: string;
    variables: unknown;
    createdAt: Date;
  },
  to: string,
  language: Language,
): OutgoingMessage {
  const template = notification.template as Parameters<typeof templateOf>[0];
  const variables = notification.variables as TemplateVariables;
  if (notification.channel === 'webhook') {
    return {
      notificationId: notification.id,
      to,
      text: '',
      payload: {
        id: notification.id,
        eventId: notification.eventId,
        type: notification.eventType,
        template,
        data: variables,
        createdAt: notification.createdAt.toISOString(),
      },
    };
  }
  const unsubscribeUrl = notification.essential
    ? undefined
    : `${settings.publicBaseUrl}/v1/notifications/unsubscribe?token=${createUnsubscribeToken(
        { subjectId: notification.recipientId, channel: notification.channel as 'email' | 'sms' },
        settings.unsubscribeSecret,
      )}`;
  const rendered = renderTemplate({
    template,
    channel: notification.channel as 'email' | 'sms',
    language,
    variables,
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  });
  return {
    notificationId: notification.id,
    to,
    text: rendered.text,
    ...(rendered.subject ? { subject: rendered.subject } : {}),
    ...(rendered.html ? { html: rendered.html } : {}),
    ...(unsubscribeUrl && notification.channel === 'email'
      ? {
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}

/** Log an attempt; when it settles the notification, clear the template's secrets (sign-in codes). */
async function record(
  prisma: NotificationsPrisma,
  notificationId: string,
  attempt: number,
  outcome: Settled,
  providerResponse: string,
  started: number,
  settles: boolean,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: { notificationId, attempt, outcome, providerResponse, durationMs: Date.now() - started },
    });
    const current = await tx.notification.findUniqueOrThrow({ where: { id: notificationId } });
    const secrets = isTemplateName(current.template) ? (templateOf(current.template).secret ?? []) : [];
    const variables = { ...(current.variables as TemplateVariables) };
    if (settles) for (const key of secrets) if (key in variables) variables[key] = '[silindi]';
    await tx.notification.update({
      where: { id: notificationId },
      data: {
        attempts: { increment: 1 },
        updatedAt: new Date(),
        ...(settles ? { status: outcome, settledAt: new Date(), variables } : {}),
        lastError: outcome === 'sent' ? null : providerResponse,
      },
    });
  });
}
