import type { NotificationsReport } from '../report/result-types.js';
import type { CouncilContext } from './council-context.js';
import { eventually, type Json } from './http-client.js';

/**
 * What notifications sent during the rehearsal, from its operator API: wait until nothing is pending or
 * queued, then count sent and failed notifications by event type; with the rehearsal's own SMTP sink,
 * also how many mails arrived.
 */
export async function checkNotifications(context: CouncilContext): Promise<NotificationsReport> {
  const list = (status: string) =>
    context.api.json('notifications', 'GET', `/v1/notifications?status=${status}&limit=500`, {
      token: context.staffToken,
    });
  await eventually(
    'notifications delivered (nothing pending or queued)',
    async () =>
      ((await list('pending')).items as Json[]).length + ((await list('queued')).items as Json[]).length,
    (waiting) => waiting === 0,
    120_000,
    500,
  );
  const sent = (await list('sent')).items as Json[];
  const failed = (await list('failed')).items as Json[];
  const byEvent: Record<string, number> = {};
  for (const item of sent) byEvent[String(item.eventType)] = (byEvent[String(item.eventType)] ?? 0) + 1;
  const failures: Record<string, number> = {};
  for (const item of failed) {
    const key = `${String(item.eventType)} ${String(item.channel)}: ${String(item.lastError ?? '').slice(0, 120)}`;
    failures[key] = (failures[key] ?? 0) + 1;
  }
  // Each kind of news the day produced reached someone (counted apart: the lists above are capped).
  // A kind nobody heard of is reported, not failed: who hears what is the services' audience rule (an
  // Executive Board election is announced to the board's body, which the General Assembly elects).
  const expected = [
    'membership.application.decided',
    'membership.sign-in-code.issued',
    'elections.election.announced',
    'elections.voting.opened',
    'elections.result.certified',
    ...((context.scenario.motions ?? []).length ? ['motions.motion.adopted'] : []),
  ];
  const missingEvents: string[] = [];
  for (const eventType of expected) {
    const found = await context.api.json(
      'notifications',
      'GET',
      `/v1/notifications?status=sent&eventType=${eventType}&limit=1`,
      {
        token: context.staffToken,
      },
    );
    if ((found.items as Json[]).length === 0) missingEvents.push(eventType);
  }
  return {
    missingEvents,
    failures,
    sent: sent.length,
    failed: failed.length,
    byEvent,
    capped: sent.length >= 500 || failed.length >= 500,
    mailsReceived: context.smtp ? context.smtp.mails.length : null,
    smsReceived: context.sms ? context.sms.messages.length : null,
  };
}
