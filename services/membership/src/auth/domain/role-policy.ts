import type { Role } from '@konsey/contracts';

/** Roles staff may grant and withdraw; the staff and operator roles are the operators' to give. */
const STAFF_GRANTABLE: readonly Role[] = [
  'member',
  'executive-board',
  'evaluation-committee',
  'election-committee',
];

export function mayChangeRole(actorRoles: readonly Role[], role: Role): boolean {
  if (actorRoles.includes('operator')) return true;
  return actorRoles.includes('staff') && STAFF_GRANTABLE.includes(role);
}

/** The roles a member's account starts with; a staff account starts with the roles it is created with. */
export const MEMBER_ACCOUNT_ROLES: readonly Role[] = ['member'];
