import type { AllocationResult, RevoteCall } from './allocation-result.js';
import type { CandidateTotal } from './candidate-total.js';
import { type LotDraw, drawLots } from './draw-lots.js';
import type { ParitySetting, ShortfallSetting, TieBreakSetting } from './election-settings.js';
import { fillSeatList } from './fill-seat-list.js';
import { InvalidTallyError } from './invalid-tally-error.js';
import { rankCandidates } from './rank-candidates.js';
import { alternativeOrders, tieGroups } from './tie-groups.js';

/** What the allocation needs: the totals, the seats and the settings that shape the lists. */
export interface AllocateSeatsOptions {
  /** Per-candidate totals, in any order; ids must be unique. */
  candidates: readonly CandidateTotal[];
  /** Full (asil) places. */
  seats: number;
  /** Substitute (yedek) places, ranked over the candidates not elected by the same parity rule. */
  substituteSeats: number;
  parity: ParitySetting;
  shortfall: ShortfallSetting;
  tieBreak: TieBreakSetting;
  /** The seed fixed before voting opened; required when `tieBreak` is `lot`. */
  lotSeed?: string;
}

function allocateInRankOrder(ranked: readonly CandidateTotal[], options: AllocateSeatsOptions) {
  const { parity, shortfall } = options;
  const full = fillSeatList({ pool: ranked, size: options.seats, seat: 'full', shortfall, parity });
  const elected = new Set(full.placements.map((placement) => placement.candidateId));
  const rest = ranked.filter((candidate) => !elected.has(candidate.candidateId));
  const substitute = fillSeatList({
    pool: rest,
    size: options.substituteSeats,
    seat: 'substitute',
    shortfall,
    parity,
  });
  return { full, substitute };
}

type Allocation = ReturnType<typeof allocateInRankOrder>;

/** Each candidate's outcome: `full`, `substitute:<rank>` or `none`. */
function outcomes(allocation: Allocation): Map<string, string> {
  const result = new Map<string, string>();
  for (const placement of allocation.full.placements) result.set(placement.candidateId, 'full');
  for (const placement of allocation.substitute.placements)
    result.set(placement.candidateId, `substitute:${placement.position}`);
  return result;
}

/**
 * Allocate the full seats and rank the substitutes from the candidates' totals.
 *
 * Candidates are ranked by votes; equal votes are ordered by the lot (see `drawLots`) or, under
 * `revote`, provisionally by id. The full list is filled under the parity rule (see `zipperOrder`,
 * `minShareOrder`, `voteOrder`), then the substitute list by the same rule over those not elected.
 *
 * A tie *matters* when some other order of the tied candidates would give any candidate a different
 * outcome (full seat, substitute rank, or neither); this is checked by recomputing the lists for the
 * alternative orders of each tie group in turn (all of them for up to five tied candidates). Under
 * `lot` every tie that matters is reported with its draw; under `revote` it becomes a {@link RevoteCall}
 * and the lists are provisional. Ties that matter nowhere are not reported.
 */
export function allocateSeats(options: AllocateSeatsOptions): AllocationResult {
  if (options.tieBreak === 'lot' && options.lotSeed === undefined)
    throw new InvalidTallyError('lot-seed-missing', 'tieBreak lot needs the seed fixed before voting opened');
  const lotSeed = options.tieBreak === 'lot' ? options.lotSeed : undefined;
  const ranked = rankCandidates({
    candidates: options.candidates,
    ...(lotSeed === undefined ? {} : { lotSeed }),
  });
  return decideInRankOrder(ranked, tieGroups(ranked), options, lotSeed);
}

/**
 * The lists for candidates already in rank order, with the tie groups of that order (runs that are
 * still tied) checked for whether they matter: under a seed each one that matters is drawn; otherwise
 * it becomes a {@link RevoteCall}. Shared by {@link allocateSeats} and `applyRevotes`.
 */
export function decideInRankOrder(
  ranked: readonly CandidateTotal[],
  groups: readonly { start: number; end: number }[],
  options: AllocateSeatsOptions,
  lotSeed: string | undefined,
): AllocationResult {
  const base = allocateInRankOrder(ranked, options);
  const baseOutcomes = outcomes(base);

  const lots: LotDraw[] = [];
  const revotes: RevoteCall[] = [];
  for (const { start, end } of groups) {
    const group = ranked.slice(start, end);
    const trials = alternativeOrders(group).map((order) =>
      outcomes(allocateInRankOrder([...ranked.slice(0, start), ...order, ...ranked.slice(end)], options)),
    );
    const affected = ranked
      .map((candidate) => candidate.candidateId)
      .filter((id) => trials.some((trial) => trial.get(id) !== baseOutcomes.get(id)));
    if (affected.length === 0) continue;
    const candidateIds = group.map((candidate) => candidate.candidateId);
    if (lotSeed !== undefined) {
      lots.push(drawLots({ seed: lotSeed, candidateIds }));
      continue;
    }
    revotes.push(revoteCall(candidateIds, group[0]!.votes, affected, [baseOutcomes, ...trials]));
  }
  return {
    status: revotes.length > 0 ? 'revote-required' : 'decided',
    elected: base.full.placements,
    substitutes: base.substitute.placements,
    vacancies: [...base.full.vacancies, ...base.substitute.vacancies],
    shortfalls: [...base.full.shortfalls, ...base.substitute.shortfalls],
    displacements: [...base.full.displacements, ...base.substitute.displacements],
    lots,
    revotes,
  };
}

function revoteCall(
  tied: string[],
  votes: number,
  affected: string[],
  trials: Map<string, string>[],
): RevoteCall {
  const candidateIds = [...tied].sort();
  const fullSeats = Math.max(
    ...trials.map((trial) => affected.filter((id) => trial.get(id) === 'full').length),
  );
  const ranks = new Set<number>();
  for (const trial of trials)
    for (const id of affected) {
      const outcome = trial.get(id);
      if (outcome?.startsWith('substitute:')) ranks.add(Number(outcome.slice('substitute:'.length)));
    }
  const substituteRanks = [...ranks].sort((a, b) => a - b);
  const names = candidateIds.join(', ');
  const what = [
    fullSeats > 0 ? { tr: `${fullSeats} asil üyelik`, en: `${fullSeats} full seat(s)` } : undefined,
    substituteRanks.length > 0
      ? {
          tr: `${substituteRanks.join(', ')}. yedek sıra`,
          en: `substitute rank(s) ${substituteRanks.join(', ')}`,
        }
      : undefined,
  ].filter((part) => part !== undefined);
  return {
    candidateIds,
    votes,
    fullSeats,
    substituteRanks,
    affectedCandidateIds: [...affected].sort(),
    reason: {
      tr: `${names} ${votes} oyla eşit; ${what.map((part) => part.tr).join(' ve ')} için aralarında yeniden oylama yapılır`,
      en: `${names} tied on ${votes} votes; they go to a revote for ${what.map((part) => part.en).join(' and ')}`,
    },
  };
}
