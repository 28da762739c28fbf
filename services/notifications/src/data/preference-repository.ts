import type { PersonalChannel } from '../domain/channel-name.js';
import type { NotificationsTx } from '../notifications-prisma.js';

/** Whether a subject receives optional messages on a channel (no row: yes). */
export async function channelEnabled(
  tx: NotificationsTx,
  subjectId: string,
  channel: string,
): Promise<boolean> {
  if (channel === 'webhook') return true;
  const row = await tx.channelPreference.findUnique({ where: { subjectId_channel: { subjectId, channel } } });
  return row?.enabled ?? true;
}

export async function setChannelEnabled(
  tx: NotificationsTx,
  subjectId: string,
  channel: PersonalChannel,
  enabled: boolean,
): Promise<void> {
  await tx.channelPreference.upsert({
    where: { subjectId_channel: { subjectId, channel } },
    create: { subjectId, channel, enabled, updatedAt: new Date() },
    update: { enabled, updatedAt: new Date() },
  });
}

export async function preferencesOf(
  tx: NotificationsTx,
  subjectId: string,
): Promise<Record<PersonalChannel, boolean>> {
  const rows = await tx.channelPreference.findMany({ where: { subjectId } });
  const get = (channel: PersonalChannel) => rows.find((row) => row.channel === channel)?.enabled ?? true;
  return { email: get('email'), sms: get('sms') };
}
