import type { Role } from '@konsey/contracts';
import type { ActorRole } from './motion-workflow.js';

/** Who acts on a motion: the token's subject with the roles that matter here, or the service itself. */
export interface Actor {
  id: string;
  roles: readonly ActorRole[];
}

const WORKFLOW_ROLES: readonly ActorRole[] = ['member', 'executive-board', 'staff'];

export function actorFromToken(auth: { subject: string; roles: readonly Role[] }): Actor {
  const roles = auth.roles.filter((role) => (WORKFLOW_ROLES as readonly string[]).includes(role));
  return { id: auth.subject, roles: roles as ActorRole[] };
}

export const SYSTEM_ACTOR: Actor = { id: 'motions', roles: ['system'] };
