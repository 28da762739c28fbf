import type { MessageData, MessageType } from '@konsey/contracts';
import { electedByGeneralAssembly } from '../domain/general-assembly-offices.js';
import type { NotificationsTx } from '../notifications-prisma.js';

type Keeper<T extends MessageType> = (tx: NotificationsTx, data: MessageData<T>) => Promise<void>;

const joinBody = (tx: NotificationsTx, bodyId: string, memberId: string) =>
  tx.audienceBodyMembership.upsert({
    where: { bodyId_memberId: { bodyId, memberId } },
    create: { bodyId, memberId },
    update: {},
  });

/**
 * Who belongs where, from membership's and elections' events, to reach "the members of a body".
 * Each keeper is idempotent on its own, and runs in the inbox transaction of its message.
 */
export const audienceKeepers: { [T in MessageType]?: Keeper<T> } = {
  'membership.member.admitted': async (tx, data) => {
    await tx.audienceMember.upsert({
      where: { memberId: data.memberId },
      create: { memberId: data.memberId, status: 'active' },
      update: {},
    });
    for (const body of data.bodies) await joinBody(tx, body.bodyId, data.memberId);
  },
  'membership.member.status-changed': async (tx, data) => {
    await tx.audienceMember.upsert({
      where: { memberId: data.memberId },
      create: { memberId: data.memberId, status: data.status },
      update: { status: data.status },
    });
  },
  'membership.body.created': async (tx, data) => {
    await tx.audienceBody.upsert({
      where: { bodyId: data.bodyId },
      create: { bodyId: data.bodyId, kind: data.kind },
      update: { kind: data.kind },
    });
  },
  'membership.body-membership.changed': async (tx, data) => {
    if (data.change === 'joined') await joinBody(tx, data.bodyId, data.memberId);
    else
      await tx.audienceBodyMembership.deleteMany({ where: { bodyId: data.bodyId, memberId: data.memberId } });
  },
  'elections.election.announced': async (tx, data) => {
    const electorate = electedByGeneralAssembly(data.office) ? 'general-assembly' : 'body';
    await tx.audienceElection.upsert({
      where: { electionId: data.electionId },
      create: { electionId: data.electionId, bodyId: data.bodyId, electorate },
      update: { bodyId: data.bodyId, electorate },
    });
  },
};

/** Every active member: the General Assembly. */
export async function activeMemberIds(tx: NotificationsTx): Promise<string[]> {
  return (await tx.audienceMember.findMany({ where: { status: 'active' }, select: { memberId: true } })).map(
    (row) => row.memberId,
  );
}

/**
 * The active members of a body: for the General Assembly every active member, otherwise those in the
 * body. An election names its body through its announcement; an election the General Assembly holds
 * (President, Executive Board) reaches every active member.
 */
export async function bodyMemberIds(
  tx: NotificationsTx,
  target: { bodyId?: string; electionId?: string },
): Promise<string[]> {
  const election = target.electionId
    ? await tx.audienceElection.findUnique({ where: { electionId: target.electionId } })
    : null;
  const bodyId = target.bodyId ?? election?.bodyId;
  if (!bodyId) return [];
  const body = await tx.audienceBody.findUnique({ where: { bodyId } });
  if (body?.kind === 'general-assembly' || (!target.bodyId && election?.electorate === 'general-assembly'))
    return activeMemberIds(tx);
  const memberships = await tx.audienceBodyMembership.findMany({
    where: { bodyId },
    select: { memberId: true },
  });
  const active = await tx.audienceMember.findMany({
    where: { memberId: { in: memberships.map((row) => row.memberId) }, status: 'active' },
    select: { memberId: true },
  });
  return active.map((row) => row.memberId);
}
