import { publishEvent } from '@konsey/service-kit';
import { AppError } from '@konsey/service-kit';
import { currentBodyMembership, findBodies, insertBodyMembership } from '../data/body-repository.js';
import { recordAudit } from '../data/member-repository.js';
import type { MembershipTx } from '../membership-prisma.js';
import { toCalendarDate } from '../domain/calendar-date.js';

export interface JoinBodiesOptions {
  actor: string;
  memberId: string;
  bodyIds: readonly string[];
  on: Date;
}

/**
 * Add a member to assemblies or working groups, inside the caller's transaction. Unknown or archived
 * bodies are refused by name (`field`); a body the member is already in is left as it is.
 */
export async function joinBodies(
  tx: MembershipTx,
  options: JoinBodiesOptions,
  field = 'bodyIds',
): Promise<string[]> {
  const unique = [...new Set(options.bodyIds)];
  const bodies = await findBodies(tx, unique);
  const usable = new Map(bodies.filter((body) => !body.archivedAt).map((body) => [body.id, body]));
  const unknown = unique.filter((id) => !usable.has(id));
  if (unknown.length) {
    throw new AppError('unknown-body', {
      detail: `unknown or archived bodies: ${unknown.join(', ')}`,
      errors: unknown.map((id) => ({ field, code: 'unknown-body', message: `no open body with id ${id}` })),
    });
  }
  const joined: string[] = [];
  for (const bodyId of unique) {
    if (await currentBodyMembership(tx, bodyId, options.memberId)) continue;
    await insertBodyMembership(tx, { bodyId, memberId: options.memberId, joinedOn: options.on });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'body.joined',
      subjectId: options.memberId,
      details: { bodyId },
    });
    await publishEvent(tx, {
      type: 'membership.body-membership.changed',
      data: { bodyId, memberId: options.memberId, change: 'joined', on: toCalendarDate(options.on) },
    });
    joined.push(bodyId);
  }
  return joined;
}
