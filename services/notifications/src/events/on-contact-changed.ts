import type { ParsedMessage } from '@konsey/contracts';
import { upsertContact } from '../data/contact-repository.js';
import type { NotificationsTx } from '../notifications-prisma.js';

/**
 * The directory's only source: the newest e-mail, phone and language of a member or an account. `null`
 * clears a channel (erasure); an absent field keeps what is known.
 */
export async function onContactChanged(
  tx: NotificationsTx,
  { data }: ParsedMessage<'membership.contact.changed'>,
): Promise<void> {
  await upsertContact(tx, {
    subjectId: data.subjectId,
    subjectKind: data.subjectKind,
    memberId: data.subjectKind === 'member' ? data.subjectId : (data.memberId ?? null),
    email: data.email ?? null,
    phone: data.phone ?? null,
    language: data.language,
    changedAt: new Date(data.changedAt),
    clear: { email: data.email === null, phone: data.phone === null },
  });
}
