import type { Role } from '@konsey/contracts';
import { AppError } from '@konsey/service-kit';
import { recordAudit } from '../../data/member-repository.js';
import { mayChangeRole } from '../domain/role-policy.js';
import {
  deleteRole,
  findAccountById,
  insertRole,
  lockAccount,
  lockOperatorAccounts,
  type AccountRecord,
} from '../data/account-repository.js';
import type { AuthServices } from './auth-services.js';

export interface ChangeAccountRoleOptions {
  actor: string;
  actorRoles: readonly Role[];
  accountId: string;
  role: Role;
  change: 'grant' | 'withdraw';
}

/**
 * Grant or withdraw a role, audited; repeating a change changes nothing. Staff handle the member and
 * committee roles, operators every role; the last operator keeps the operator role. The account's next
 * access token (sign-in or refresh) carries the change.
 */
export async function changeAccountRole(
  services: AuthServices,
  options: ChangeAccountRoleOptions,
): Promise<AccountRecord> {
  if (!mayChangeRole(options.actorRoles, options.role))
    throw new AppError('role-not-grantable', { detail: `role ${options.role}` });
  return services.prisma.$transaction(async (tx) => {
    if (options.change === 'withdraw' && options.role === 'operator') {
      const operators = await lockOperatorAccounts(tx);
      if (operators.length === 1 && operators[0] === options.accountId) throw new AppError('last-operator');
    }
    const account = await lockAccount(tx, options.accountId);
    if (!account) throw new AppError('not-found', { detail: `account ${options.accountId}` });
    const changed =
      options.change === 'grant'
        ? await insertRole(tx, {
            accountId: account.id,
            role: options.role,
            grantedBy: options.actor,
            now: services.clock(),
          })
        : await deleteRole(tx, account.id, options.role);
    if (changed) {
      await recordAudit(tx, {
        actor: options.actor,
        action: options.change === 'grant' ? 'account.role-granted' : 'account.role-withdrawn',
        subjectId: account.id,
        details: { role: options.role },
      });
    }
    return (await findAccountById(tx, account.id))!;
  });
}
