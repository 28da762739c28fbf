import type { Language } from '@konsey/contracts';
import { publishEvent } from '@konsey/service-kit';
import type { MembershipTx } from '../membership-prisma.js';

/**
 * Tell notifications how to reach a member or an account, in the transaction that changed it. Contact
 * details go to notifications only: no other service keeps them. `null` clears a channel (erasure).
 */
export async function publishContact(
  tx: MembershipTx,
  contact: {
    subjectKind: 'member' | 'account' | 'applicant';
    subjectId: string;
    memberId?: string | null | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    language: Language;
  },
): Promise<void> {
  await publishEvent(tx, {
    type: 'membership.contact.changed',
    data: {
      subjectKind: contact.subjectKind,
      subjectId: contact.subjectId,
      ...(contact.memberId ? { memberId: contact.memberId } : {}),
      ...(contact.email !== undefined ? { email: contact.email } : {}),
      ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
      language: contact.language,
      changedAt: new Date().toISOString(),
    },
  });
}
