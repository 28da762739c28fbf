import { randomUUID } from 'node:crypto';
import type { Language, Role } from '@konsey/contracts';
import { publishContact } from '../../app/publish-contact.js';
import { AppError } from '@konsey/service-kit';
import { findMember, recordAudit } from '../../data/member-repository.js';
import { MEMBER_ACCOUNT_ROLES, mayChangeRole } from '../domain/role-policy.js';
import {
  emailInUse,
  findAccountByMemberId,
  insertAccount,
  type AccountRecord,
} from '../data/account-repository.js';
import type { AuthServices } from './auth-services.js';

export type CreateAccountInput =
  | { kind: 'member'; memberId: string; email: string; language: Language }
  | { kind: 'staff'; email: string; displayName: string; roles: Role[]; language: Language };

export interface CreateAccountOptions {
  actor: string;
  actorRoles: readonly Role[];
  account: CreateAccountInput;
}

/**
 * Open an account: a member's (role `member`, linked to the member) or a staff account with the roles
 * given, each of which the actor must be allowed to grant. The person signs in first with a one-time
 * code and then sets a password.
 */
export async function createAccount(
  services: AuthServices,
  options: CreateAccountOptions,
): Promise<AccountRecord> {
  const input = options.account;
  const roles = input.kind === 'member' ? MEMBER_ACCOUNT_ROLES : [...new Set(input.roles)];
  const refused = roles.filter((role) => !mayChangeRole(options.actorRoles, role));
  if (refused.length) throw new AppError('role-not-grantable', { detail: `roles: ${refused.join(', ')}` });
  try {
    return await services.prisma.$transaction(async (tx) => {
      if (input.kind === 'member') {
        if (!(await findMember(tx, input.memberId)))
          throw new AppError('not-found', { detail: `member ${input.memberId}` });
        if (await findAccountByMemberId(tx, input.memberId)) throw new AppError('member-has-account');
      }
      if (await emailInUse(tx, input.email)) throw new AppError('account-email-taken');
      const account = await insertAccount(tx, {
        id: randomUUID(),
        kind: input.kind,
        memberId: input.kind === 'member' ? input.memberId : null,
        email: input.email,
        displayName: input.kind === 'staff' ? input.displayName : null,
        language: input.language,
        passwordHash: null,
        roles,
        grantedBy: options.actor,
        now: services.clock(),
      });
      await publishContact(tx, {
        subjectKind: 'account',
        subjectId: account.id,
        memberId: input.kind === 'member' ? input.memberId : null,
        email: input.email,
        language: input.language,
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: 'account.created',
        subjectId: account.id,
        details: { kind: account.kind, memberId: account.memberId, roles: account.roles },
      });
      return account;
    });
  } catch (error) {
    // Two requests for the same e-mail or member at once: the unique index decides.
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('account-email-taken', { cause: error });
    throw error;
  }
}
