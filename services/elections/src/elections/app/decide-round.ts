import type { Gender } from '@konsey/contracts';
import { allocateSeats } from '../../domain/allocate-seats.js';
import { applyRevotes } from '../../domain/apply-revotes.js';
import type { ElectionSettings } from '../../domain/election-settings.js';
import {
  decidePresidentRound,
  decideRunOffRevote,
  type PresidentRoundDecision,
} from '../../domain/president-rounds.js';
import type { Reason } from '../../domain/reason.js';
import type { NextRoundCall } from './round-decision.js';

/** One place in the final lists. */
export interface ElectedPlace {
  memberId: string;
  seat: 'full' | 'substitute';
  rank: number;
  votes: number;
  gender: Gender;
  reservedFor: string | null;
  basis: string;
}

/** What the rules make of one round's count. */
export type CountOutcome =
  | {
      kind: 'final';
      elected: ElectedPlace[];
      vacancies: unknown[];
      shortfalls: unknown[];
      displacements: unknown[];
      lots: unknown[];
      reason: Reason | null;
      detail: unknown;
    }
  | { kind: 'next-round'; next: NextRoundCall; reason: Reason; detail: unknown };

export interface DecideRoundOptions {
  settings: ElectionSettings;
  lotSeed: string;
  round: { purpose: string; presidentRound: number | null; carriedIds: string[]; places: number | null };
  totals: { memberId: string; votes: number }[];
  /** The rounds counted before this one, in order (a block revote is applied to the first round). */
  earlier: { purpose: string; candidateIds: string[]; totals: { memberId: string; votes: number }[] }[];
  /** Voting gender of every candidate of this round and of the earlier ones. */
  genders: ReadonlyMap<string, Gender>;
  turnout: { registered: number; present: number; cast: number };
}

/** Apply the President rule or the seat allocation of the domain to one round's totals. */
export function decideRound(options: DecideRoundOptions): CountOutcome {
  const { settings, round, totals } = options;
  const candidates = totals.map((total) => ({
    candidateId: total.memberId,
    votes: total.votes,
    gender: options.genders.get(total.memberId) ?? 'undisclosed',
  }));
  const genderOf = (id: string) => options.genders.get(id) ?? 'undisclosed';

  if (settings.method === 'president-three-rounds') {
    const presidentRound = (round.presidentRound ?? 1) as 1 | 2 | 3;
    if (candidates.length === 0) return nobodyStood(settings.seats, settings.substituteSeats);
    const decision: PresidentRoundDecision =
      round.purpose === 'revote' && presidentRound === 2
        ? decideRunOffRevote({
            tallies: candidates,
            places: round.places ?? 1,
            carriedIds: round.carriedIds,
            turnout: options.turnout,
            base: settings.presidentBase,
          })
        : decidePresidentRound({
            round: presidentRound,
            tallies: candidates,
            turnout: options.turnout,
            base: settings.presidentBase,
            tieBreak: settings.tieBreak,
            lotSeed: options.lotSeed,
          });
    if (decision.kind === 'elected')
      return {
        kind: 'final',
        elected: [
          {
            memberId: decision.candidateId,
            seat: 'full',
            rank: 1,
            votes: decision.votes,
            gender: genderOf(decision.candidateId),
            reservedFor: null,
            basis: 'open',
          },
        ],
        vacancies: [],
        shortfalls: [],
        displacements: [],
        lots: decision.lot ? [decision.lot] : [],
        reason: decision.reason,
        detail: decision,
      };
    if (decision.kind === 'next-round')
      return {
        kind: 'next-round',
        next: {
          purpose: decision.nextRound === 2 ? 'president-round-2' : 'president-round-3',
          candidateIds: decision.candidateIds,
          carriedIds: [],
          presidentRound: decision.nextRound,
          places: null,
        },
        reason: decision.reason,
        detail: decision,
      };
    return {
      kind: 'next-round',
      next: {
        purpose: 'revote',
        candidateIds: decision.candidateIds,
        carriedIds: decision.carriedIds,
        presidentRound: decision.round,
        places: decision.places,
      },
      reason: decision.reason,
      detail: decision,
    };
  }

  if (candidates.length === 0) return nobodyStood(settings.seats, settings.substituteSeats);
  const first = [...options.earlier, { purpose: round.purpose, candidateIds: [], totals }][0]!;
  const allocationOptions = {
    candidates: first.totals.map((total) => ({
      candidateId: total.memberId,
      votes: total.votes,
      gender: genderOf(total.memberId),
    })),
    seats: settings.seats,
    substituteSeats: settings.substituteSeats,
    parity: settings.parity,
    shortfall: settings.shortfall,
    tieBreak: settings.tieBreak,
    lotSeed: options.lotSeed,
  };
  // A revote in a block election: the revotes so far, this one last, applied to the first round's lists.
  const revotes = [...options.earlier.slice(1), { purpose: round.purpose, candidateIds: [], totals }]
    .filter((held) => held.purpose === 'revote')
    .map((held) => ({
      candidateIds: held.totals.map((total) => total.memberId),
      totals: held.totals.map((total) => ({ candidateId: total.memberId, votes: total.votes })),
    }));
  const allocation =
    round.purpose === 'revote' ? applyRevotes(allocationOptions, revotes) : allocateSeats(allocationOptions);
  if (allocation.status === 'revote-required') {
    const call = allocation.revotes[0]!;
    return {
      kind: 'next-round',
      next: {
        purpose: 'revote',
        candidateIds: call.candidateIds,
        carriedIds: [],
        presidentRound: null,
        places: null,
      },
      reason: call.reason,
      detail: allocation,
    };
  }
  const place =
    (seat: 'full' | 'substitute') =>
    (placement: (typeof allocation.elected)[number]): ElectedPlace => ({
      memberId: placement.candidateId,
      seat,
      rank: placement.position,
      votes: placement.votes,
      gender: placement.gender,
      reservedFor: placement.reservedFor,
      basis: placement.basis,
    });
  return {
    kind: 'final',
    elected: [...allocation.elected.map(place('full')), ...allocation.substitutes.map(place('substitute'))],
    vacancies: allocation.vacancies,
    shortfalls: allocation.shortfalls,
    displacements: allocation.displacements,
    lots: allocation.lots,
    reason: null,
    detail: allocation,
  };
}

/**
 * No candidate stood in the round (every one was ineligible or struck): nobody is elected and every
 * seat stays vacant. Such a result can be certified, but a rerun is a new election.
 */
function nobodyStood(seats: number, substituteSeats: number): CountOutcome {
  const vacancy = (seat: 'full' | 'substitute', position: number) => ({
    seat,
    position,
    reservedFor: null,
    reason: {
      tr: `${position}. ${seat === 'full' ? 'asil' : 'yedek'} yer boş kaldı: uygun aday yoktu`,
      en: `${seat === 'full' ? 'Full' : 'Substitute'} place ${position} left vacant: no eligible candidate stood`,
    },
  });
  return {
    kind: 'final',
    elected: [],
    vacancies: [
      ...Array.from({ length: seats }, (_, index) => vacancy('full', index + 1)),
      ...Array.from({ length: substituteSeats }, (_, index) => vacancy('substitute', index + 1)),
    ],
    shortfalls: [],
    displacements: [],
    lots: [],
    reason: {
      tr: 'Uygun aday olmadığından kimse seçilmedi; bütün yerler boş kaldı',
      en: 'Nobody was elected because no eligible candidate stood; every seat is vacant',
    },
    detail: { nobodyStood: true },
  };
}
