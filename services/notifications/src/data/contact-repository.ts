import type { Language } from '@konsey/contracts';
import type { NotificationsTx } from '../notifications-prisma.js';

export interface ContactRow {
  subjectId: string;
  subjectKind: string;
  memberId: string | null;
  email: string | null;
  phone: string | null;
  language: string;
}

/** Keep the newest contact details of a subject; an older change arriving late changes nothing. */
export async function upsertContact(
  tx: NotificationsTx,
  contact: Omit<ContactRow, 'language'> & {
    language: Language;
    changedAt: Date;
    clear: { email: boolean; phone: boolean };
  },
): Promise<void> {
  const existing = await tx.contact.findUnique({ where: { subjectId: contact.subjectId } });
  if (existing && existing.changedAt > contact.changedAt) return;
  const values = {
    subjectKind: contact.subjectKind,
    memberId: contact.memberId,
    language: contact.language,
    changedAt: contact.changedAt,
    ...(contact.email !== null || contact.clear.email ? { email: contact.email } : {}),
    ...(contact.phone !== null || contact.clear.phone ? { phone: contact.phone } : {}),
  };
  await tx.contact.upsert({
    where: { subjectId: contact.subjectId },
    create: { subjectId: contact.subjectId, email: contact.email, phone: contact.phone, ...values },
    update: values,
  });
}

/** Contact details of a member: the member's own row, else the row of the member's account. */
export async function findMemberContact(tx: NotificationsTx, memberId: string): Promise<ContactRow | null> {
  const rows = await tx.contact.findMany({
    where: { OR: [{ subjectId: memberId }, { memberId }] },
    orderBy: { changedAt: 'desc' },
  });
  const own = rows.find((row) => row.subjectId === memberId);
  if (!own) return rows[0] ?? null;
  const account = rows.find((row) => row.subjectId !== memberId);
  return { ...own, email: own.email ?? account?.email ?? null, phone: own.phone ?? account?.phone ?? null };
}

export async function findContact(tx: NotificationsTx, subjectId: string): Promise<ContactRow | null> {
  return tx.contact.findUnique({ where: { subjectId } });
}
