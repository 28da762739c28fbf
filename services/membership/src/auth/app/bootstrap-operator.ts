import { randomUUID } from 'node:crypto';
import type { Language } from '@konsey/contracts';
import { recordAudit } from '../../data/member-repository.js';
import type { MembershipPrisma } from '../../membership-prisma.js';
import type { AuthConfig } from '../auth-config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { hashPassword } from '../domain/password-hash.js';
import { publishContact } from '../../app/publish-contact.js';
import { emailInUse, insertAccount, lockOperatorAccounts } from '../data/account-repository.js';
import { passwordParameters } from './auth-services.js';

export interface BootstrapOperatorOptions {
  prisma: MembershipPrisma;
  config: Pick<AuthConfig, 'AUTH_SCRYPT_LOG_N'>;
  email: string;
  displayName: string;
  /** Already checked against the password policy by the caller. */
  password: string;
  language?: Language;
  clock?: Clock;
}

export type BootstrapOutcome =
  { created: true; accountId: string } | { created: false; reason: 'operator-exists' | 'email-taken' };

/**
 * Create the very first operator (staff account with roles staff and operator). Does nothing once any
 * operator exists, so running it again, or on several machines at once, is safe.
 */
export async function bootstrapOperator(options: BootstrapOperatorOptions): Promise<BootstrapOutcome> {
  const passwordHash = await hashPassword(options.password, passwordParameters(options.config));
  const clock = options.clock ?? systemClock;
  return options.prisma.$transaction(async (tx): Promise<BootstrapOutcome> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('konsey-membership-bootstrap-operator'))`;
    if ((await lockOperatorAccounts(tx)).length > 0) return { created: false, reason: 'operator-exists' };
    if (await emailInUse(tx, options.email)) return { created: false, reason: 'email-taken' };
    const account = await insertAccount(tx, {
      id: randomUUID(),
      kind: 'staff',
      memberId: null,
      email: options.email,
      displayName: options.displayName,
      language: options.language ?? 'tr',
      passwordHash,
      roles: ['staff', 'operator'],
      grantedBy: 'bootstrap',
      now: clock(),
    });
    await publishContact(tx, {
      subjectKind: 'account',
      subjectId: account.id,
      email: options.email,
      language: options.language ?? 'tr',
    });
    await recordAudit(tx, {
      actor: 'bootstrap',
      action: 'account.created',
      subjectId: account.id,
      details: { kind: 'staff', roles: account.roles },
    });
    return { created: true, accountId: account.id };
  });
}
