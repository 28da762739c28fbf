import type { CandidateTotal } from './candidate-total.js';
import { type LotDraw, drawLots } from './draw-lots.js';
import type { PresidentBaseSetting, TieBreakSetting } from './election-settings.js';
import { InvalidTallyError } from './invalid-tally-error.js';
import { absoluteMajorityBar, twoThirdsBar } from './majority-bars.js';
import type { Reason } from './reason.js';

/** The counts a President round is measured against. */
export interface PresidentTurnout {
  /** Üye tam sayısı: the size of the frozen roll. */
  registered: number;
  /** Members present when the round was held. */
  present: number;
  /** Valid ballots cast in the round, blank ballots included, invalid ones excluded. */
  cast: number;
}

/** One President round to decide. */
export interface DecidePresidentRoundOptions {
  round: 1 | 2 | 3;
  /** Each candidate's votes in this round (gender is not used). */
  tallies: readonly Pick<CandidateTotal, 'candidateId' | 'votes'>[];
  turnout: PresidentTurnout;
  /** Default `registered`. */
  base?: PresidentBaseSetting;
  tieBreak: TieBreakSetting;
  /** The seed fixed before voting opened; required when `tieBreak` is `lot` and a tie decides. */
  lotSeed?: string;
}

/** What a round decided. */
export type PresidentRoundDecision =
  | {
      kind: 'elected';
      round: 1 | 2 | 3;
      candidateId: string;
      votes: number;
      /** The votes needed (rounds 1 and 2) or null (round 3, most votes). */
      bar: number | null;
      base: number;
      lot?: LotDraw;
      reason: Reason;
    }
  | {
      kind: 'next-round';
      round: 1 | 2;
      nextRound: 2 | 3;
      /** Who stands in the next round: everyone after round 1, the top two after round 2. */
      candidateIds: string[];
      bar: number;
      base: number;
      lot?: LotDraw;
      reason: Reason;
    }
  | {
      kind: 'revote';
      round: 2 | 3;
      /** The tied candidates who vote again for the contested place. */
      candidateIds: string[];
      /** In round 2: how many run-off places the tied contest; in round 3: the seat. */
      places: number;
      /** In round 2: candidates already through to round 3 whatever the revote gives. */
      carriedIds: string[];
      reason: Reason;
    };

function baseOf(turnout: PresidentTurnout, base: PresidentBaseSetting): number {
  return turnout[base];
}

/**
 * Decide one round of the President's election (DOMAIN.md). Round 1 elects a candidate with at least
 * two-thirds of the base (⌈2·base/3⌉ votes); round 2 one with an absolute majority of the base
 * (⌊base/2⌋ + 1 votes); round 3 is a run-off between the top two of round 2 and elects whoever has most
 * votes. The base is the frozen roll (`registered`, default), those `present`, or the ballots `cast`.
 * A tie for the run-off places after round 2, or for first place in round 3, goes to the tie-break:
 * under `lot` the draw decides (see `drawLots`); under `revote` the tied vote again.
 */
export function decidePresidentRound(options: DecidePresidentRoundOptions): PresidentRoundDecision {
  const { round, tallies, turnout } = options;
  const baseSetting = options.base ?? 'registered';
  validate(tallies, turnout);
  const base = baseOf(turnout, baseSetting);
  const ranked = [...tallies].sort((a, b) => b.votes - a.votes || (a.candidateId < b.candidateId ? -1 : 1));
  const top = ranked[0];
  if (!top) throw new InvalidTallyError('no-candidates', 'a President round needs at least one candidate');

  if (round === 1 || round === 2) {
    const bar = round === 1 ? twoThirdsBar(base) : absoluteMajorityBar(base);
    const rule =
      round === 1
        ? { tr: 'üçte iki çoğunluk', en: 'a two-thirds majority' }
        : { tr: 'salt çoğunluk', en: 'an absolute majority' };
    const baseName = BASE_NAMES[baseSetting];
    if (top.votes >= bar)
      return {
        kind: 'elected',
        round,
        candidateId: top.candidateId,
        votes: top.votes,
        bar,
        base,
        reason: {
          tr: `${top.candidateId} ${round}. turda ${top.votes} oy aldı; ${baseName.tr} ${base} üzerinden ${rule.tr} için ${bar} oy gerekiyordu`,
          en: `${top.candidateId} won ${top.votes} votes in round ${round}; ${rule.en} of ${base} ${baseName.en} needed ${bar}`,
        },
      };
    const missed = {
      tr: `${round}. turda kimse ${baseName.tr} ${base} üzerinden ${rule.tr} için gereken ${bar} oya ulaşamadı (en yüksek: ${top.votes})`,
      en: `nobody reached the ${bar} votes that ${rule.en} of ${base} ${baseName.en} needs in round ${round} (highest: ${top.votes})`,
    };
    if (round === 1)
      return {
        kind: 'next-round',
        round,
        nextRound: 2,
        candidateIds: ranked.map((entry) => entry.candidateId).sort(),
        bar,
        base,
        reason: missed,
      };
    return runOffPlaces(ranked, bar, base, missed, options);
  }

  if (ranked.length > 2)
    throw new InvalidTallyError('run-off-size', 'round 3 is a run-off between two candidates');
  const tied = ranked.filter((entry) => entry.votes === top.votes).map((entry) => entry.candidateId);
  if (tied.length === 1) {
    const runnerUp = ranked[1];
    return {
      kind: 'elected',
      round,
      candidateId: top.candidateId,
      votes: top.votes,
      bar: null,
      base,
      reason: {
        tr: `${top.candidateId} 3. turda en çok oyu aldı (${top.votes}–${runnerUp?.votes ?? 0})`,
        en: `${top.candidateId} won the run-off in round 3 with most votes (${top.votes}–${runnerUp?.votes ?? 0})`,
      },
    };
  }
  if (options.tieBreak === 'revote')
    return {
      kind: 'revote',
      round,
      candidateIds: tied.sort(),
      places: 1,
      carriedIds: [],
      reason: {
        tr: `3. turda ${tied.join(' ve ')} ${top.votes} oyla eşit kaldı; aralarında yeniden oylama yapılır`,
        en: `${tied.join(' and ')} tied on ${top.votes} votes in round 3; they vote again`,
      },
    };
  const lot = drawLots({ seed: requireSeed(options), candidateIds: tied });
  const winner = lot.order[0]!;
  return {
    kind: 'elected',
    round,
    candidateId: winner,
    votes: top.votes,
    bar: null,
    base,
    lot,
    reason: {
      tr: `3. turda ${lot.tied.join(' ve ')} ${top.votes} oyla eşit kaldı; kura ${winner} adayına çıktı`,
      en: `${lot.tied.join(' and ')} tied on ${top.votes} votes in round 3; the lot fell to ${winner}`,
    },
  };
}

const BASE_NAMES: Record<PresidentBaseSetting, Reason> = {
  registered: { tr: 'üye tam sayısı', en: 'registered members' },
  present: { tr: 'hazır bulunan üye sayısı', en: 'members present' },
  cast: { tr: 'kullanılan geçerli oy sayısı', en: 'valid ballots cast' },
};

/** After round 2 without a winner: the top two go to the run-off; a tie across the cut goes to the tie-break. */
function runOffPlaces(
  ranked: Pick<CandidateTotal, 'candidateId' | 'votes'>[],
  bar: number,
  base: number,
  missed: Reason,
  options: DecidePresidentRoundOptions,
): PresidentRoundDecision {
  const cut = ranked[Math.min(1, ranked.length - 1)]!.votes;
  const sure = ranked.filter((entry) => entry.votes > cut).map((entry) => entry.candidateId);
  const tied = ranked.filter((entry) => entry.votes === cut).map((entry) => entry.candidateId);
  const places = Math.min(2, ranked.length) - sure.length;
  const next = (candidateIds: string[], lot?: LotDraw): PresidentRoundDecision => ({
    kind: 'next-round',
    round: 2,
    nextRound: 3,
    candidateIds: candidateIds.sort(),
    bar,
    base,
    ...(lot ? { lot } : {}),
    reason: lot
      ? {
          tr: `${missed.tr}; ikinci tur eşitliği kurayla çözüldü`,
          en: `${missed.en}; the tie for the run-off was broken by lot`,
        }
      : {
          tr: `${missed.tr}; en çok oy alan iki aday 3. tura kaldı`,
          en: `${missed.en}; the top two go to round 3`,
        },
  });
  if (tied.length <= places) return next([...sure, ...tied]);
  if (options.tieBreak === 'revote')
    return {
      kind: 'revote',
      round: 2,
      candidateIds: [...tied].sort(),
      places,
      carriedIds: [...sure].sort(),
      reason: {
        tr: `${missed.tr}; ${tied.join(', ')} ${cut} oyla eşit; ${places} 3. tur yeri için aralarında yeniden oylama yapılır`,
        en: `${missed.en}; ${tied.join(', ')} tied on ${cut} votes; they vote again for ${places} run-off place(s)`,
      },
    };
  const lot = drawLots({ seed: requireSeed(options), candidateIds: tied });
  return next([...sure, ...lot.order.slice(0, places)], lot);
}

/** A revote among candidates tied for the run-off places after round 2. */
export interface DecideRunOffRevoteOptions {
  /** The tied candidates' votes in the revote: exactly those who stood in it. */
  tallies: readonly Pick<CandidateTotal, 'candidateId' | 'votes'>[];
  /** How many run-off places the tied contest (see the `revote` decision). */
  places: number;
  /** Candidates already through to round 3. */
  carriedIds: readonly string[];
  turnout: PresidentTurnout;
  /** Default `registered`; only reported (a revote elects nobody, it fills run-off places). */
  base?: PresidentBaseSetting;
}

/**
 * Decide a revote for the run-off places after round 2 (tieBreak `revote`). It does not elect: it only
 * says who joins the candidates already through. The `places` best of the revote go to round 3 with
 * them; a tie across the cut again calls for another revote among those still tied (the ones above the
 * cut are carried too). The result stays a decision *of round 2*, so round 3 follows it.
 */
export function decideRunOffRevote(options: DecideRunOffRevoteOptions): PresidentRoundDecision {
  const { tallies, places, turnout } = options;
  validate(tallies, turnout);
  if (!Number.isInteger(places) || places < 1 || places >= tallies.length)
    throw new InvalidTallyError('invalid-places', `a revote for ${places} place(s) among ${tallies.length}`);
  const baseSetting = options.base ?? 'registered';
  const base = baseOf(turnout, baseSetting);
  const bar = absoluteMajorityBar(base);
  const ranked = [...tallies].sort((a, b) => b.votes - a.votes || (a.candidateId < b.candidateId ? -1 : 1));
  const cut = ranked[places - 1]!.votes;
  const sure = ranked.filter((entry) => entry.votes > cut).map((entry) => entry.candidateId);
  const tied = ranked.filter((entry) => entry.votes === cut).map((entry) => entry.candidateId);
  const left = places - sure.length;
  const carried = [...options.carriedIds, ...sure];
  const votes = ranked.map((entry) => `${entry.candidateId} ${entry.votes}`).join(', ');
  if (tied.length <= left)
    return {
      kind: 'next-round',
      round: 2,
      nextRound: 3,
      candidateIds: [...carried, ...tied].sort(),
      bar,
      base,
      reason: {
        tr: `Yeniden oylamada ${votes}; ${[...sure, ...tied].join(' ve ')} 3. tura kaldı`,
        en: `In the revote ${votes}; ${[...sure, ...tied].join(' and ')} go to round 3`,
      },
    };
  return {
    kind: 'revote',
    round: 2,
    candidateIds: [...tied].sort(),
    places: left,
    carriedIds: carried.sort(),
    reason: {
      tr: `Yeniden oylamada ${votes}; ${tied.join(', ')} ${cut} oyla yine eşit; ${left} 3. tur yeri için aralarında yeniden oylama yapılır`,
      en: `In the revote ${votes}; ${tied.join(', ')} tied again on ${cut} votes; they vote again for ${left} run-off place(s)`,
    },
  };
}

function requireSeed(options: DecidePresidentRoundOptions): string {
  if (options.lotSeed === undefined)
    throw new InvalidTallyError('lot-seed-missing', 'tieBreak lot needs the seed fixed before voting opened');
  return options.lotSeed;
}

function validate(tallies: DecidePresidentRoundOptions['tallies'], turnout: PresidentTurnout): void {
  const { registered, present, cast } = turnout;
  for (const count of [registered, present, cast])
    if (!Number.isInteger(count) || count < 0)
      throw new InvalidTallyError('invalid-turnout', `turnout ${count} is not a count`);
  if (cast > present || present > registered)
    throw new InvalidTallyError('invalid-turnout', 'ballots cast ≤ members present ≤ registered members');
  const ids = new Set<string>();
  let votes = 0;
  for (const tally of tallies) {
    if (ids.has(tally.candidateId))
      throw new InvalidTallyError('duplicate-candidate', `candidate ${tally.candidateId} appears twice`);
    ids.add(tally.candidateId);
    if (!Number.isInteger(tally.votes) || tally.votes < 0)
      throw new InvalidTallyError('invalid-votes', `candidate ${tally.candidateId} has ${tally.votes} votes`);
    votes += tally.votes;
  }
  if (votes > cast)
    throw new InvalidTallyError('invalid-turnout', `${votes} votes but only ${cast} ballots cast`);
}
