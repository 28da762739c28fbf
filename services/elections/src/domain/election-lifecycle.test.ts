import fc from 'fast-check';
import { checkAnnouncementNotice } from './announcement-notice.js';
import { type ElectionEvent, type ElectionState, ElectionStatus, transition } from './election-lifecycle.js';

const announce: ElectionEvent = {
  type: 'announce',
  announcedOn: '2026-03-01',
  votingDay: '2026-03-16',
  announcementDays: 15,
};
const happyPath: ElectionEvent[] = [
  announce,
  { type: 'open-candidacy' },
  { type: 'close-candidacy' },
  { type: 'freeze-roll' },
  { type: 'open-voting' },
  { type: 'close-voting' },
  { type: 'tally' },
];
const run = (events: readonly ElectionEvent[], from: ElectionState = { status: 'draft', round: 1 }) =>
  events.reduce((state, event) => {
    const result = transition(state, event);
    if (!result.ok) throw new Error(result.refusal.reason.en);
    return result.state;
  }, from);

describe('transition', () => {
  it('when every step comes in order, then the election goes from draft to certified', () => {
    expect(run([...happyPath, { type: 'certify' }])).toEqual({ status: 'certified', round: 1 });
  });

  it('when the President needs rounds 2 and 3, then each goes from tallied back to voting-open with the next number', () => {
    const round = [{ type: 'close-voting' }, { type: 'tally' }] as const;
    const state = run([
      ...happyPath,
      { type: 'open-next-round', purpose: 'president-round-2' },
      ...round,
      { type: 'open-next-round', purpose: 'president-round-3' },
      ...round,
      { type: 'open-next-round', purpose: 'revote' },
      ...round,
      { type: 'certify' },
    ]);
    expect(state).toEqual({ status: 'certified', round: 4, president: { round: 3, revote: 1 } });
  });

  it('when the run-off places after round 2 go to a revote, then round 3 still opens after it, counted by round not session', () => {
    const round = [{ type: 'close-voting' }, { type: 'tally' }] as const;
    const revoted = run([
      ...happyPath,
      { type: 'open-next-round', purpose: 'president-round-2' },
      ...round,
      { type: 'open-next-round', purpose: 'revote' },
      ...round,
      { type: 'open-next-round', purpose: 'revote' },
      ...round,
    ]);
    expect(revoted).toEqual({ status: 'tallied', round: 4, president: { round: 2, revote: 2 } });
    const third = transition(revoted, { type: 'open-next-round', purpose: 'president-round-3' });
    expect(third).toEqual({
      ok: true,
      state: { status: 'voting-open', round: 5, president: { round: 3, revote: 0 } },
    });
    // A revote of round 1 is still round 1: round 3 cannot follow it.
    const early = run([...happyPath], { status: 'draft', round: 1, president: { round: 1, revote: 0 } });
    const refused = transition(
      { ...early, round: 2, president: { round: 1, revote: 1 } },
      { type: 'open-next-round', purpose: 'president-round-3' },
    );
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'round-out-of-order' } });
    // A revote in a block election carries no President stage.
    expect(run([...happyPath, { type: 'open-next-round', purpose: 'revote' }])).toEqual({
      status: 'voting-open',
      round: 2,
    });
  });

  it('when round 3 is asked for after round 1, then it is refused as out of order', () => {
    const tallied = run(happyPath);
    const result = transition(tallied, { type: 'open-next-round', purpose: 'president-round-3' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'round-out-of-order', from: tallied } });
  });

  it('when voting is opened before the roll is frozen, then the refusal says why in both languages', () => {
    const state: ElectionState = { status: 'candidacy-closed', round: 1 };
    expect(transition(state, { type: 'open-voting' })).toEqual({
      ok: false,
      refusal: {
        code: 'illegal-transition',
        from: state,
        event: 'open-voting',
        reason: {
          tr: 'Seçim "adaylık kapandı" durumundayken bu adım (open-voting) atılamaz; önce "hazirun listesi kesinleşti" olmalı',
          en: 'The step open-voting is not allowed while the election is candidacy closed; it must be roll frozen',
        },
      },
    });
  });

  it('when the announcement gives fewer than 15 days, then it is refused as short notice', () => {
    const result = transition({ status: 'draft', round: 1 }, { ...announce, announcedOn: '2026-03-02' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'short-notice' } });
  });

  it('can cancel from every non-final state and from no final one', () => {
    for (const status of ElectionStatus.options) {
      const result = transition({ status, round: 1 }, { type: 'cancel' });
      const final = status === 'certified' || status === 'cancelled';
      expect(result.ok).toBe(!final);
      if (!result.ok) expect(result.refusal.code).toBe('final-state');
    }
  });

  it('never throws and only ever moves along the documented edges', () => {
    const events: ElectionEvent[] = [
      announce,
      ...happyPath.slice(1),
      { type: 'certify' },
      { type: 'cancel' },
      { type: 'open-next-round', purpose: 'president-round-2' },
      { type: 'open-next-round', purpose: 'revote' },
    ];
    const order = ElectionStatus.options;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 25 }), (sequence) => {
        let state: ElectionState = { status: 'draft', round: 1 };
        for (const event of sequence) {
          const result = transition(state, event);
          if (!result.ok) {
            expect(result.refusal.reason.tr.length).toBeGreaterThan(0);
            continue;
          }
          const next = result.state;
          const forward = order.indexOf(next.status) === order.indexOf(state.status) + 1;
          const newRound =
            state.status === 'tallied' && next.status === 'voting-open' && next.round === state.round + 1;
          expect(forward || newRound || next.status === 'cancelled').toBe(true);
          state = next;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkAnnouncementNotice', () => {
  it('when announced exactly 15 days ahead, then it is enough; 14 days is not, and the latest day is named', () => {
    expect(
      checkAnnouncementNotice({ announcedOn: '2026-03-01', votingDay: '2026-03-16', announcementDays: 15 }),
    ).toEqual({ ok: true, daysOfNotice: 15 });
    expect(
      checkAnnouncementNotice({ announcedOn: '2026-03-02', votingDay: '2026-03-16', announcementDays: 15 }),
    ).toMatchObject({
      ok: false,
      code: 'short-notice',
      daysOfNotice: 14,
      latestAnnouncementDay: '2026-03-01',
    });
  });
});
