import {
  BallotCryptoError,
  combineDecryptions,
  type ElectionManifest,
  verifyPartialDecryption,
  type PartialDecryption,
} from '@konsey/ballot-crypto';
import { countRound, type CountOptions, type TallyInput } from '../elections/app/enter-tally.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import { drainToBoard } from './board-sequencer.js';
import {
  assertCommittee,
  contextFromRows,
  electionFacts,
  liveCeremony,
  manifestOf,
  participantsOf,
  type Caller,
  type Tx,
} from './ceremony.js';
import { partialFromWire, tallyFromWire, type PartialDecryptionJson, type SumsJson } from './tally-wire.js';
import { type AnnouncementJson } from './wire.js';

/**
 * The tally of the ballot box: once voting is closed and every ballot is verified, the committee
 * reads the encrypted per-option sums, each member posts a partial decryption with its proofs
 * (verified before it is stored), and with k of them the plaintext totals are combined and kept.
 */

interface TallyRow {
  sums: SumsJson;
  ballot_count: number;
}

const STAFF = (caller: Caller) => caller.roles.includes('staff');
const CLOSED = new Set(['voting-closed', 'tallied', 'certified']);

async function readyRound(tx: Tx, electionId: string, caller: Caller, who: 'reader' | 'member') {
  // A member's post may count the round, which locks the election: take that lock first, as casts do.
  const election = await electionFacts(tx, electionId, who === 'member' ? 'FOR UPDATE' : '');
  if (who === 'member' || !STAFF(caller)) await assertCommittee(tx, electionId, caller);
  const round = election.round;
  if (!CLOSED.has(election.status))
    throw fail(
      'ballot-tally-not-ready',
      `waiting for voting to close: election ${electionId} is ${election.status}`,
    );
  // A member's post locks the running sum's row (as verification does): posts of one round run one at a time.
  const tallies =
    who === 'member'
      ? await tx.$queryRaw<TallyRow[]>`
          SELECT sums, ballot_count FROM ballot_tallies WHERE election_id = ${electionId}::uuid AND round = ${round} FOR UPDATE`
      : await tx.$queryRaw<TallyRow[]>`
          SELECT sums, ballot_count FROM ballot_tallies WHERE election_id = ${electionId}::uuid AND round = ${round}`;
  const tally = tallies[0];
  const ceremony = await liveCeremony(tx, electionId, round);
  if (!tally || !ceremony || ceremony.status !== 'complete')
    throw fail('ballot-tally-not-ready', `election ${electionId} round ${round} has no encrypted ballot box`);
  const backlog = await tx.ballot.count({ where: { electionId, round, status: 'received' } });
  if (backlog > 0)
    throw fail(
      'ballot-tally-not-ready',
      `waiting for verification: ${backlog} ballot(s) of round ${round} are not verified yet`,
    );
  const unboarded = await tx.ballotBoardQueue.count({ where: { electionId, round } });
  if (unboarded > 0)
    throw fail(
      'ballot-tally-not-ready',
      `waiting for the board: ${unboarded} ballot(s) of round ${round} are not on it yet`,
    );
  return { election, round, tally, ceremony };
}

/**
 * Once voting is closed no ballot can join the round: whatever the sequencer has not appended yet is
 * appended now, so the tally never waits for a worker's sweep.
 */
async function completeClosedBoard(prisma: PrismaClient, electionId: string): Promise<void> {
  const election = await prisma.election.findUnique({
    where: { id: electionId },
    select: { status: true, round: true },
  });
  if (election && CLOSED.has(election.status)) await drainToBoard(prisma, electionId, election.round);
}

/** The encrypted per-option totals of the current round and the number of ballots they count. */
export async function encryptedTotals(prisma: PrismaClient, electionId: string, caller: Caller) {
  await completeClosedBoard(prisma, electionId);
  return prisma.$transaction(async (tx) => {
    const { round, tally, ceremony } = await readyRound(tx, electionId, caller, 'reader');
    const [partials, result] = await Promise.all([
      tx.ballotPartialDecryption.findMany({
        where: { electionId, round },
        select: { memberIndex: true, memberId: true },
        orderBy: { memberIndex: 'asc' },
      }),
      tx.ballotResult.findUnique({ where: { electionId_round: { electionId, round } } }),
    ]);
    return {
      electionId,
      round,
      ceremonyId: ceremony.id,
      threshold: ceremony.threshold,
      options: manifestOf(ceremony).contests.map((c) => c.options),
      ballotCount: tally.ballot_count,
      sums: tally.sums,
      partialDecryptions: partials.map((p) => ({ index: p.memberIndex, memberId: p.memberId })),
      decrypted: result !== null,
    };
  });
}

const invalidPartial = (memberId: string, index: number, error: unknown): never => {
  if (error instanceof BallotCryptoError)
    throw fail(
      'ballot-partial-decryption-invalid',
      `partial decryption of committee member ${memberId} (index ${index}): ${error.message}`,
    );
  throw error;
};

/**
 * A committee member posts their partial decryption of the round's sum: verified against their
 * verification key before it is stored (one per member). The k-th valid one combines the totals.
 */
export async function postPartialDecryption(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  body: PartialDecryptionJson,
  now = new Date(),
) {
  await completeClosedBoard(prisma, electionId);
  return prisma.$transaction(
    async (tx) => {
      const { round, tally, ceremony } = await readyRound(tx, electionId, caller, 'member');
      const participants = participantsOf(ceremony);
      const index = participants.indexOf(caller.subject) + 1;
      if (index === 0)
        throw fail(
          'ballot-ceremony-not-participant',
          `${caller.subject} holds no key share of attempt ${ceremony.attempt}`,
        );
      const existing = await tx.ballotPartialDecryption.findUnique({
        where: { electionId_round_memberIndex: { electionId, round, memberIndex: index } },
      });
      if (existing)
        throw fail(
          'ballot-partial-decryption-exists',
          `committee member ${caller.subject} already sent a partial decryption for round ${round}`,
        );
      if (body.memberIndex !== index)
        throw fail(
          'ballot-partial-decryption-invalid',
          `partial decryption of committee member ${caller.subject}: it is for index ${body.memberIndex}, theirs is ${index}`,
        );
      const announcements = await tx.ballotCeremonyAnnouncement.findMany({
        where: { ceremonyId: ceremony.id },
        orderBy: { memberIndex: 'asc' },
      });
      const context = contextFromRows(
        ceremony,
        announcements.map((a) => a.announcement as AnnouncementJson),
      );
      const encrypted = tallyFromWire(tally.sums);
      let partial: PartialDecryption;
      try {
        partial = partialFromWire(body);
        // Checks the shape against the sum and every Chaum–Pedersen proof against the member's key.
        verifyPartialDecryption(context, encrypted, partial);
      } catch (error) {
        return invalidPartial(caller.subject, index, error);
      }
      await tx.ballotPartialDecryption.create({
        data: {
          electionId,
          round,
          ceremonyId: ceremony.id,
          memberIndex: index,
          memberId: caller.subject,
          partial: body,
        },
      });
      const stored = await tx.ballotPartialDecryption.findMany({
        where: { electionId, round },
        orderBy: { memberIndex: 'asc' },
      });
      let decrypted = (await tx.ballotResult.count({ where: { electionId, round } })) > 0;
      if (!decrypted && stored.length >= ceremony.threshold) {
        const chosen = stored.slice(0, ceremony.threshold);
        const totals = combineDecryptions({
          context,
          tally: encrypted,
          partials: chosen.map((p) => partialFromWire(p.partial as PartialDecryptionJson)),
        });
        await tx.ballotResult.create({
          data: {
            electionId,
            round,
            ceremonyId: ceremony.id,
            ballotCount: tally.ballot_count,
            totals,
            members: chosen.map((p) => ({ index: p.memberIndex, memberId: p.memberId })),
          },
        });
        decrypted = true;
        await countRound(tx, {
          electionId,
          round,
          caller: { subject: caller.subject, roles: caller.roles as CountOptions['caller']['roles'] },
          input: lifecycleTally(manifestOf(ceremony), tally.ballot_count, totals),
          now,
        });
      }
      return {
        electionId,
        round,
        memberIndex: index,
        memberId: caller.subject,
        received: stored.length,
        threshold: ceremony.threshold,
        decrypted,
      };
    },
    { timeout: 30_000 },
  );
}

/**
 * The round's count as the lifecycle takes it (one contest whose options are the candidates). A
 * single-choice ballot without a mark is blank; a block ballot's blank marks cannot be told apart in the
 * sum, so block rounds report no blank ballots. Refused ballots never reach the sum: none is invalid.
 */
export function lifecycleTally(
  manifest: ElectionManifest,
  ballotCount: number,
  totals: readonly (readonly number[])[],
): TallyInput {
  const contest = manifest.contests[0]!;
  const votes = contest.options.map((memberId, oi) => ({ memberId, votes: totals[0]![oi]! }));
  const marks = votes.reduce((sum, total) => sum + total.votes, 0);
  return {
    ballotsCast: ballotCount,
    blankBallots: contest.maxSelections === 1 ? ballotCount - marks : 0,
    invalidBallots: 0,
    totals: votes,
  };
}

/** The plaintext totals once k partial decryptions were combined, in the lifecycle's tally form too. */
export async function decryptedTotals(prisma: PrismaClient, electionId: string, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    const election = await electionFacts(tx, electionId);
    if (!STAFF(caller)) await assertCommittee(tx, electionId, caller);
    const round = election.round;
    const result = await tx.ballotResult.findUnique({ where: { electionId_round: { electionId, round } } });
    if (!result) {
      const [count, ceremony] = await Promise.all([
        tx.ballotPartialDecryption.count({ where: { electionId, round } }),
        liveCeremony(tx, electionId, round),
      ]);
      throw fail(
        'ballot-totals-not-ready',
        `${count} of ${ceremony?.threshold ?? '?'} partial decryptions received for round ${round}`,
      );
    }
    const ceremony = await tx.ballotCeremony.findUniqueOrThrow({ where: { id: result.ceremonyId } });
    const totals = result.totals as number[][];
    const options = manifestOf(ceremony).contests.map((c) => c.options);
    return {
      electionId,
      round,
      ceremonyId: result.ceremonyId,
      ballotCount: result.ballotCount,
      totals,
      contests: options.map((ids, ci) => ids.map((memberId, oi) => ({ memberId, votes: totals[ci]![oi]! }))),
      members: result.members,
      decryptedAt: result.createdAt.toISOString(),
      /** What the decryption entered into the round's count. */
      lifecycleTally: lifecycleTally(manifestOf(ceremony), result.ballotCount, totals),
    };
  });
}
