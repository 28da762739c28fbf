import { z } from 'zod';
import { checkAnnouncementNotice } from './announcement-notice.js';
import type { Reason } from './reason.js';

/** Where an election stands. `certified` and `cancelled` are final. */
export const ElectionStatus = z.enum([
  'draft',
  'announced',
  'candidacy-open',
  'candidacy-closed',
  'roll-frozen',
  'voting-open',
  'voting-closed',
  'tallied',
  'certified',
  'cancelled',
]);
export type ElectionStatus = z.infer<typeof ElectionStatus>;

/**
 * An election's state: its status and the voting session being voted or counted (`round`, 1 for the
 * first; every revote is a session of its own). For the President, `president` says which of the three
 * rounds that session counts as and how many revotes of that round have been held, e.g. the second
 * revote of round 2 is `{ round: 2, revote: 2 }` in session 4 or later. Without it, the session number
 * is taken as the President round (states stored before revotes were distinguished).
 */
export interface ElectionState {
  status: ElectionStatus;
  round: number;
  president?: PresidentStage;
}

/** Which President round a voting session counts as, and how many revotes of it came before. */
export interface PresidentStage {
  round: 1 | 2 | 3;
  revote: number;
}

/** Why a further round is opened after a count. */
export type NextRoundPurpose = 'president-round-2' | 'president-round-3' | 'revote';

/** Something that happens to an election. */
export type ElectionEvent =
  | { type: 'announce'; announcedOn: string; votingDay: string; announcementDays: number }
  | { type: 'open-candidacy' }
  | { type: 'close-candidacy' }
  | { type: 'freeze-roll' }
  | { type: 'open-voting' }
  | { type: 'close-voting' }
  | { type: 'tally' }
  | { type: 'certify' }
  | { type: 'open-next-round'; purpose: NextRoundPurpose }
  | { type: 'cancel' };

/** A transition refused, with the reason; the state is unchanged. */
export interface TransitionRefusal {
  code: 'illegal-transition' | 'final-state' | 'short-notice' | 'round-out-of-order';
  from: ElectionState;
  event: ElectionEvent['type'];
  reason: Reason;
}

export type TransitionResult = { ok: true; state: ElectionState } | { ok: false; refusal: TransitionRefusal };

const FORWARD: Partial<Record<ElectionEvent['type'], [from: ElectionStatus, to: ElectionStatus]>> = {
  announce: ['draft', 'announced'],
  'open-candidacy': ['announced', 'candidacy-open'],
  'close-candidacy': ['candidacy-open', 'candidacy-closed'],
  'freeze-roll': ['candidacy-closed', 'roll-frozen'],
  'open-voting': ['roll-frozen', 'voting-open'],
  'close-voting': ['voting-open', 'voting-closed'],
  tally: ['voting-closed', 'tallied'],
  certify: ['tallied', 'certified'],
  'open-next-round': ['tallied', 'voting-open'],
};

const STATUS_NAMES: Record<ElectionStatus, Reason> = {
  draft: { tr: 'taslak', en: 'draft' },
  announced: { tr: 'ilan edildi', en: 'announced' },
  'candidacy-open': { tr: 'adaylık açık', en: 'candidacy open' },
  'candidacy-closed': { tr: 'adaylık kapandı', en: 'candidacy closed' },
  'roll-frozen': { tr: 'hazirun listesi kesinleşti', en: 'roll frozen' },
  'voting-open': { tr: 'oylama açık', en: 'voting open' },
  'voting-closed': { tr: 'oylama kapandı', en: 'voting closed' },
  tallied: { tr: 'sayım yapıldı', en: 'tallied' },
  certified: { tr: 'kesinleşti', en: 'certified' },
  cancelled: { tr: 'iptal edildi', en: 'cancelled' },
};

/**
 * The election's state machine: draft → announced → candidacy-open → candidacy-closed → roll-frozen →
 * voting-open → voting-closed → tallied → certified, and cancelled from any state that is not final.
 * After a count, `open-next-round` goes from tallied back to voting-open with the round number raised:
 * President round 2 only after round 1, round 3 only after round 2 (or a revote of round 2: the
 * President round counts, not the number of sessions), a revote after any round. Announcing
 * checks the notice rule (`checkAnnouncementNotice`). A transition that is not allowed is returned as
 * a refusal with its reason; nothing is thrown.
 */
export function transition(state: ElectionState, event: ElectionEvent): TransitionResult {
  const refuse = (code: TransitionRefusal['code'], reason: Reason): TransitionResult => ({
    ok: false,
    refusal: { code, from: state, event: event.type, reason },
  });
  const status = STATUS_NAMES[state.status];
  if (state.status === 'certified' || state.status === 'cancelled')
    return refuse('final-state', {
      tr: `Seçim ${status.tr}; artık değiştirilemez`,
      en: `The election is ${status.en}; it can no longer change`,
    });
  if (event.type === 'cancel') return { ok: true, state: { ...state, status: 'cancelled' } };

  const [from, to] = FORWARD[event.type]!;
  if (state.status !== from)
    return refuse('illegal-transition', {
      tr: `Seçim "${status.tr}" durumundayken bu adım (${event.type}) atılamaz; önce "${STATUS_NAMES[from].tr}" olmalı`,
      en: `The step ${event.type} is not allowed while the election is ${status.en}; it must be ${STATUS_NAMES[from].en}`,
    });
  if (event.type === 'announce') {
    const notice = checkAnnouncementNotice(event);
    if (!notice.ok) return refuse('short-notice', notice.reason);
  }
  if (event.type === 'open-next-round') {
    const kind = state.president?.round ?? state.round;
    const needed =
      event.purpose === 'president-round-2' ? 1 : event.purpose === 'president-round-3' ? 2 : kind;
    if (kind !== needed)
      return refuse('round-out-of-order', {
        tr: `${kind}. turdan sonra ${event.purpose === 'president-round-2' ? '2' : '3'}. tura geçilemez`,
        en: `Round ${kind} cannot be followed by ${event.purpose}`,
      });
    const next: ElectionState = { status: to, round: state.round + 1 };
    if (event.purpose === 'revote') {
      if (state.president) next.president = { ...state.president, revote: state.president.revote + 1 };
    } else next.president = { round: event.purpose === 'president-round-2' ? 2 : 3, revote: 0 };
    return { ok: true, state: next };
  }
  return { ok: true, state: { ...state, status: to } };
}
