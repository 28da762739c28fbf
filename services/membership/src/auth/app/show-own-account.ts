import { AppError } from '@konsey/service-kit';
import {
  currentBodiesOfMember,
  findAccountBySubject,
  type AccountRecord,
} from '../data/account-repository.js';
import type { AuthServices } from './auth-services.js';

/** The caller's own account and the bodies it sits in, found by the token subject. */
export async function showOwnAccount(
  services: AuthServices,
  subject: string,
): Promise<{ account: AccountRecord; bodies: string[] }> {
  const account = await findAccountBySubject(services.prisma, subject);
  if (!account) throw new AppError('not-found', { detail: 'no account for this token subject' });
  const bodies = account.memberId ? await currentBodiesOfMember(services.prisma, account.memberId) : [];
  return { account, bodies };
}
