import { randomUUID } from 'node:crypto';
import { publishEvent } from '@konsey/service-kit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Reason } from '../../domain/reason.js';
import { lockElection, recordAudit } from '../data/election-repository.js';
import { dayOf } from './calendar.js';
import { assertOnCommittee, type Caller } from './caller.js';
import { refuse } from './election-refusal.js';

/** States in which objections are filed (and decided): from the opening of candidacy to the roll's freeze. */
const OBJECTION_STATES = new Set(['candidacy-open', 'candidacy-closed']);

type ObjectionRow = NonNullable<Awaited<ReturnType<PrismaClient['electionObjection']['findUnique']>>>;

export function objectionView(row: ObjectionRow) {
  return {
    id: row.id,
    objectorId: row.objectorId,
    candidateMemberId: row.candidateMemberId,
    grounds: row.grounds,
    filedAt: row.filedAt.toISOString(),
    decision: row.decision,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
  };
}

/**
 * A member objects (itiraz), against a candidacy or the conduct of the election, while candidacy is
 * open or closed and no later than the objection day of the schedule.
 */
export async function fileObjection(
  prisma: PrismaClient,
  options: {
    electionId: string;
    caller: Caller;
    candidateMemberId?: string | undefined;
    grounds: string;
    now: Date;
  },
) {
  return prisma.$transaction(async (tx) => {
    const election = await lockElection(tx, options.electionId);
    const closesOn = dayOf(election.objectionsCloseOn);
    if (!OBJECTION_STATES.has(election.status) || dayOf(options.now) > closesOn)
      throw refuse(
        'objection-window-closed',
        `İtirazlar adaylık açıldıktan sonra ve en geç ${closesOn} tarihine kadar, hazirun listesi kesinleşmeden yapılır (seçim: ${election.status})`,
        `Objections are taken from the opening of candidacy until ${closesOn}, before the roll is frozen (election: ${election.status})`,
      );
    if (
      options.candidateMemberId &&
      !(await tx.electionCandidacy.findUnique({
        where: { electionId_memberId: { electionId: election.id, memberId: options.candidateMemberId } },
      }))
    )
      throw refuse('not-found', 'İtiraz edilen adaylık yok', 'The candidacy objected to does not exist', [
        {
          field: 'body.candidateMemberId',
          code: 'unknown',
          reason: { tr: 'Böyle bir aday yok', en: 'No such candidate' },
        },
      ]);
    const row = await tx.electionObjection.create({
      data: {
        id: randomUUID(),
        electionId: election.id,
        objectorId: options.caller.subject,
        candidateMemberId: options.candidateMemberId ?? null,
        grounds: options.grounds,
        filedAt: options.now,
      },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: options.caller.subject,
      action: 'objection-filed',
      reason: options.grounds,
      details: { objectionId: row.id, candidateMemberId: row.candidateMemberId },
      at: options.now,
    });
    return objectionView(row);
  });
}

/**
 * A member of the election's committee decides an objection with its reason, before the roll is frozen.
 * An upheld objection against a candidacy strikes it. Publishes `elections.objection.decided` (and
 * `elections.candidacy.decided` when a candidacy is struck).
 */
export async function decideObjection(
  prisma: PrismaClient,
  options: {
    electionId: string;
    objectionId: string;
    caller: Caller;
    upheld: boolean;
    reason: Reason;
    now: Date;
  },
) {
  return prisma.$transaction(async (tx) => {
    const election = await lockElection(tx, options.electionId);
    await assertOnCommittee(tx, election, options.caller);
    const objection = await tx.electionObjection.findFirst({
      where: { id: options.objectionId, electionId: election.id },
    });
    if (!objection) throw refuse('not-found', 'Böyle bir itiraz yok', 'No such objection');
    if (objection.decision)
      throw refuse(
        'objection-decided',
        'İtiraz zaten karara bağlandı',
        'The objection has already been decided',
      );
    if (!OBJECTION_STATES.has(election.status))
      throw refuse(
        'objection-window-closed',
        `Seçim "${election.status}" durumunda; itirazlar hazirun listesi kesinleşmeden karara bağlanır`,
        `The election is ${election.status}; objections are decided before the roll is frozen`,
      );
    const reason = { code: options.upheld ? 'objection-upheld' : 'objection-rejected', ...options.reason };
    const row = await tx.electionObjection.update({
      where: { id: objection.id },
      data: {
        decision: options.upheld ? 'upheld' : 'rejected',
        decidedBy: options.caller.subject,
        decidedAt: options.now,
        reason,
      },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: options.caller.subject,
      action: options.upheld ? 'objection-upheld' : 'objection-rejected',
      reason: options.reason.tr,
      details: { objectionId: objection.id, candidateMemberId: objection.candidateMemberId },
      at: options.now,
    });
    await publishEvent(tx, {
      type: 'elections.objection.decided',
      data: {
        electionId: election.id,
        objectionId: objection.id,
        objectorId: objection.objectorId,
        upheld: options.upheld,
        reason,
      },
    });
    if (options.upheld && objection.candidateMemberId) {
      const candidacy = await tx.electionCandidacy.findUnique({
        where: { electionId_memberId: { electionId: election.id, memberId: objection.candidateMemberId } },
      });
      if (candidacy && candidacy.status === 'standing') {
        await tx.electionCandidacy.update({
          where: { id: candidacy.id },
          data: { status: 'struck', eligible: false, refusals: [reason], checkedAt: options.now },
        });
        await publishEvent(tx, {
          type: 'elections.candidacy.decided',
          data: { electionId: election.id, memberId: candidacy.memberId, eligible: false, reasons: [reason] },
        });
      }
    }
    return objectionView(row);
  });
}
