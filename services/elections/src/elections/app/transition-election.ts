import { assertBallotBoxReady } from '../../ballot-box/ceremony.js';
import { publishEvent } from '@konsey/service-kit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import {
  transition,
  type ElectionEvent,
  type ElectionStatus,
  type PresidentStage,
} from '../../domain/election-lifecycle.js';
import {
  committeeOf,
  currentRound,
  lockElection,
  recordAudit,
  settingsOf,
  type ElectionRow,
  type Tx,
} from '../data/election-repository.js';
import { currentElectorate } from '../data/roster-facts.js';
import { dayOf, toDay } from './calendar.js';
import { assertStaffOrCommittee, type Caller } from './caller.js';
import { ElectionRefusal, refuse } from './election-refusal.js';
import { electionView, type ElectionView } from './election-view.js';
import { recomputeEligibility } from './recompute-eligibility.js';
import type { RoundOpening, RoundOutcome } from './round-decision.js';

export const TRANSITION_ACTIONS = [
  'announce',
  'open-candidacy',
  'close-candidacy',
  'freeze-roll',
  'open-voting',
  'close-voting',
  'open-next-round',
  'cancel',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/**
 * The domain's refusal as the module's error, with the domain's reason. `row.round` counts voting
 * sessions; for the President, `president` says which of the three rounds the current session is.
 */
export function applyTransition(row: ElectionRow, event: ElectionEvent, president?: PresidentStage) {
  const result = transition(
    { status: row.status as ElectionStatus, round: row.round, ...(president ? { president } : {}) },
    event,
  );
  if (!result.ok) throw new ElectionRefusal(`election-${result.refusal.code}`, result.refusal.reason);
  return result.state;
}

async function eventFor(
  tx: Tx,
  row: ElectionRow,
  action: TransitionAction,
  now: Date,
): Promise<ElectionEvent> {
  if (action === 'announce')
    return {
      type: 'announce',
      announcedOn: dayOf(now),
      votingDay: dayOf(row.votingDay),
      announcementDays: settingsOf(row).announcementDays,
    };
  if (action !== 'open-next-round') return { type: action };
  const round = await currentRound(tx, row);
  const outcome = round?.decision as RoundOutcome | null | undefined;
  if (row.status === 'tallied' && outcome?.kind !== 'next-round')
    throw refuse(
      'election-no-next-round',
      `${row.round}. turun sayımı sonucu belirledi; yeni tur açılmaz`,
      `the count of round ${row.round} decided the result; no further round is needed`,
    );
  return {
    type: 'open-next-round',
    purpose: outcome?.kind === 'next-round' ? outcome.next.purpose : 'revote',
  };
}

/**
 * Move an election one step through the domain's state machine, with its audit row and its effects in
 * the same transaction: announcing publishes `elections.election.announced`; closing the candidacy
 * recomputes eligibility; freezing stores the roll; opening voting (or a further round) opens the round
 * and publishes `elections.voting.opened`.
 */
export async function transitionElection(
  prisma: PrismaClient,
  options: {
    electionId: string;
    action: TransitionAction;
    caller: Caller;
    reason?: string | undefined;
    now: Date;
  },
): Promise<ElectionView> {
  const { caller, now } = options;
  return prisma.$transaction(
    async (tx) => {
      const row = await lockElection(tx, options.electionId);
      await assertStaffOrCommittee(tx, row, caller);
      const event = await eventFor(tx, row, options.action, now);
      const next = applyTransition(
        row,
        event,
        event.type === 'open-next-round' ? await presidentStage(tx, row) : undefined,
      );
      let noCandidate = false;
      const changes: Parameters<Tx['election']['update']>[0]['data'] = {
        status: next.status,
        round: next.round,
      };

      if (event.type === 'announce') {
        changes.announcedOn = toDay(dayOf(now));
        await publishEvent(tx, {
          type: 'elections.election.announced',
          data: {
            electionId: row.id,
            title: row.title,
            office: row.office as 'president',
            bodyId: row.bodyId,
            votingOn: dayOf(row.votingDay),
            candidacyOpensOn: dayOf(row.candidacyOpensOn),
            candidacyClosesOn: dayOf(row.candidacyClosesOn),
          },
        });
      }
      if (event.type === 'close-candidacy')
        await recomputeEligibility(tx, row, { actor: caller.subject, now });
      if (event.type === 'freeze-roll') {
        const roll = await currentElectorate(tx, row);
        await tx.electionRollEntry.createMany({
          data: roll.map((entry) => ({ electionId: row.id, ...entry })),
        });
        changes.registered = roll.length;
        changes.rollFrozenAt = now;
      }
      if (event.type === 'open-voting') {
        const eligible = await tx.electionCandidacy.findMany({
          where: { electionId: row.id, status: 'standing', eligible: true },
          orderBy: { memberId: 'asc' },
        });
        // With no eligible candidate the round still opens, with nobody on the ballot: its count leaves
        // every seat vacant, and that result is certified without naming anyone (a rerun is a new election).
        if (eligible.length === 0) noCandidate = true;
        await assertBallotBoxReady(
          tx,
          row.id,
          next.round,
          eligible.map((candidacy) => candidacy.memberId),
        );
        await openRound(
          tx,
          row,
          next.round,
          {
            purpose: 'first',
            candidateIds: eligible.map((candidacy) => candidacy.memberId),
            carriedIds: [],
            presidentRound: settingsOf(row).method === 'president-three-rounds' ? 1 : null,
            places: null,
          },
          now,
        );
      }
      if (event.type === 'open-next-round') {
        const outcome = (await currentRound(tx, row))?.decision as RoundOutcome;
        if (outcome.kind !== 'next-round') throw new Error('unreachable: checked in eventFor');
        await assertBallotBoxReady(tx, row.id, next.round, outcome.next.candidateIds);
        await openRound(tx, row, next.round, outcome.next, now);
      }
      if (event.type === 'close-voting')
        await tx.electionRound.update({
          where: { electionId_round: { electionId: row.id, round: row.round } },
          data: { closedAt: now },
        });

      const updated = await tx.election.update({ where: { id: row.id }, data: changes });
      await recordAudit(tx, {
        electionId: row.id,
        actor: caller.subject,
        action: options.action,
        from: row.status,
        to: next.status,
        round: next.round,
        ...(options.reason || noCandidate
          ? {
              reason: [
                options.reason,
                noCandidate ? 'uygun aday yok; bütün yerler boş kalacak / no eligible candidate' : undefined,
              ]
                .filter(Boolean)
                .join(' · '),
            }
          : {}),
        at: now,
        ...(event.type === 'freeze-roll' ? { details: { registered: changes.registered as number } } : {}),
      });
      return electionView(updated, { memberIds: await committeeOf(tx, row.id) });
    },
    // Freezing a city-wide roll copies every member: give it time (the default 5 s failed at ~20,000).
    { timeout: 120_000 },
  );
}

/** Which President round the current session counts as, and how many revotes of it were held. */
async function presidentStage(tx: Tx, row: ElectionRow): Promise<PresidentStage | undefined> {
  const rounds = await tx.electionRound.findMany({
    where: { electionId: row.id, round: { lte: row.round } },
    orderBy: { round: 'asc' },
  });
  const current = rounds.at(-1);
  if (current?.presidentRound == null) return undefined;
  const round = current.presidentRound as 1 | 2 | 3;
  const revote = rounds.filter((held) => held.presidentRound === round && held.purpose === 'revote').length;
  return { round, revote };
}

async function openRound(
  tx: Tx,
  row: ElectionRow,
  round: number,
  call: RoundOpening,
  now: Date,
): Promise<void> {
  await tx.electionRound.create({
    data: {
      electionId: row.id,
      round,
      purpose: call.purpose,
      presidentRound: call.presidentRound,
      candidateIds: call.candidateIds,
      carriedIds: call.carriedIds,
      places: call.places,
      openedAt: now,
    },
  });
  await publishEvent(tx, {
    type: 'elections.voting.opened',
    data: { electionId: row.id, round, title: row.title },
  });
}
