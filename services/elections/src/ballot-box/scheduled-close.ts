import type { ServiceDependencies } from '@konsey/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { ElectionRefusal } from '../elections/app/election-refusal.js';
import { transitionElection } from '../elections/app/transition-election.js';
import { fail } from './ballot-box-errors.js';
import { assertCommittee, type Caller } from './ceremony.js';

type Logger = ServiceDependencies<unknown, unknown>['logger'];

/** The actor the audit names when voting closes on schedule. */
const SCHEDULE: Caller & { roles: ['staff'] } = { subject: 'system:ballot-box-schedule', roles: ['staff'] };

/** The round a closing time set now applies to: the one being voted, or the next one to open. */
function roundToClose(status: string, round: number): number | null {
  if (['draft', 'announced', 'candidacy-open', 'candidacy-closed', 'roll-frozen'].includes(status)) return 1;
  if (status === 'voting-open') return round;
  if (status === 'tallied') return round + 1;
  return null;
}

/**
 * The committee sets (or clears, with null) when voting closes by itself: for the round being voted, or
 * the next round to open. The time must be in the future; it can be moved while voting is open.
 */
export async function setClosingTime(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  closesAt: Date | null,
  now: Date,
) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const election = await tx.election.findUnique({
      where: { id: electionId },
      select: { status: true, round: true },
    });
    if (!election) throw fail('not-found', `no election ${electionId}`);
    const round = roundToClose(election.status, election.round);
    if (round === null)
      throw fail('ballot-box-election-state', `no round is to be voted (election is ${election.status})`);
    if (closesAt && closesAt.getTime() <= now.getTime())
      throw fail(
        'ballot-closing-time-past',
        `closesAt ${closesAt.toISOString()} is not after ${now.toISOString()}`,
      );
    const box = await tx.ballotBox.upsert({
      where: { electionId },
      create: { electionId, recast: 'one', closesAt, closesRound: closesAt ? round : null },
      update: { closesAt, closesRound: closesAt ? round : null, updatedAt: now },
    });
    return { electionId, round: box.closesRound, closesAt: box.closesAt?.toISOString() ?? null };
  });
}

/** Closes voting in every election whose round's closing time has come; returns the elections closed. */
export async function closeDueVoting(prisma: PrismaClient, now: Date): Promise<string[]> {
  const due = await prisma.$queryRaw<{ election_id: string }[]>`
    SELECT b.election_id::text FROM ballot_boxes b JOIN elections e ON e.id = b.election_id
    WHERE b.closes_at <= ${now} AND e.status = 'voting-open' AND e.round = b.closes_round`;
  const closed: string[] = [];
  for (const { election_id: electionId } of due) {
    try {
      await transitionElection(prisma, {
        electionId,
        action: 'close-voting',
        caller: SCHEDULE,
        reason: 'oylama süresi doldu / voting time is over',
        now,
      });
      closed.push(electionId);
    } catch (error) {
      // The committee closed it (or cancelled the election) in the meantime: nothing left to do.
      if (!(error instanceof ElectionRefusal)) throw error;
    }
  }
  return closed;
}

/** In worker processes: check every few seconds for voting whose closing time has come. */
export function startScheduledClosing(
  deps: { prisma: PrismaClient; logger: Logger },
  options: { everyMs?: number; now?: () => Date } = {},
): { stop(): void } {
  const now = options.now ?? (() => new Date());
  const timer = setInterval(() => {
    closeDueVoting(deps.prisma, now())
      .then((closed) => {
        if (closed.length) deps.logger.info({ elections: closed }, 'voting closed on schedule');
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'scheduled closing failed'));
  }, options.everyMs ?? 5_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
