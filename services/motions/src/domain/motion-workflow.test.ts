import fc from 'fast-check';
import {
  availableActions,
  createWorkflow,
  decideTransition,
  MOTION_ACTIONS,
  MOTION_STATES,
  reachableStates,
  TERMINAL_STATES,
  type ActorRole,
  type MotionState,
} from './motion-workflow.js';

const workflow = createWorkflow();
const ALL_ROLES: ActorRole[] = ['member', 'executive-board', 'staff', 'system'];

describe('motion workflow', () => {
  it.each<[MotionState, Parameters<typeof decideTransition>[2], ActorRole, MotionState]>([
    ['draft', 'submit', 'member', 'submitted'],
    ['returned', 'submit', 'member', 'submitted'],
    ['draft', 'revise', 'member', 'draft'],
    ['returned', 'revise', 'member', 'returned'],
    ['draft', 'co-sponsor', 'member', 'draft'],
    ['submitted', 'start-review', 'executive-board', 'under-review'],
    ['under-review', 'accept', 'executive-board', 'accepted'],
    ['under-review', 'return', 'executive-board', 'returned'],
    ['under-review', 'merge', 'executive-board', 'merged'],
    ['under-review', 'reject', 'executive-board', 'rejected'],
    ['accepted', 'schedule', 'executive-board', 'on-agenda'],
    ['on-agenda', 'open-poll', 'executive-board', 'voting'],
    ['voting', 'record-poll-adopted', 'system', 'adopted'],
    ['voting', 'record-poll-rejected', 'system', 'rejected'],
    ['adopted', 'send', 'executive-board', 'sent'],
    ['sent', 'record-municipal-agenda', 'staff', 'on-municipal-agenda'],
    ['on-municipal-agenda', 'record-municipal-decision', 'executive-board', 'decided'],
    ['on-municipal-agenda', 'refer-to-commission', 'staff', 'in-commission'],
    ['in-commission', 'record-municipal-agenda', 'staff', 'on-municipal-agenda'],
    ['in-commission', 'record-municipal-decision', 'staff', 'decided'],
    ['decided', 'close', 'staff', 'closed'],
    ['on-agenda', 'withdraw', 'member', 'withdrawn'],
  ])('when a motion is %s and "%s" is taken as %s, then it becomes %s', (state, action, role, to) => {
    expect(decideTransition(workflow, state, action, [role])).toEqual({ ok: true, to, actedAs: role });
  });

  it('when an action is not possible in the state, then it is illegal whoever asks, and the states it is possible from are named', () => {
    expect(decideTransition(workflow, 'draft', 'accept', ['executive-board'])).toEqual({
      ok: false,
      reason: 'illegal-transition',
      allowedFrom: ['under-review'],
    });
    expect(decideTransition(workflow, 'voting', 'withdraw', ['executive-board']).ok).toBe(false);
    expect(decideTransition(workflow, 'closed', 'send', ['executive-board']).ok).toBe(false);
  });

  it('when the role does not fit, then the roles that may are named', () => {
    expect(decideTransition(workflow, 'under-review', 'accept', ['member', 'staff'])).toEqual({
      ok: false,
      reason: 'wrong-role',
      allowedRoles: ['executive-board'],
    });
    expect(decideTransition(workflow, 'voting', 'record-poll-adopted', ['executive-board']).ok).toBe(false);
    expect(decideTransition(workflow, 'adopted', 'send', ['staff']).ok).toBe(false);
    expect(decideTransition(workflow, 'draft', 'co-sponsor', ['executive-board']).ok).toBe(false);
  });

  it('when a person holds several roles, then the first role the rule accepts is the one acted in', () => {
    expect(decideTransition(workflow, 'sent', 'record-municipal-agenda', ['member', 'staff'])).toMatchObject({
      ok: true,
      actedAs: 'staff',
    });
  });

  it('when the council narrows withdrawal, then withdrawing later is illegal', () => {
    const strict = createWorkflow({ withdrawableFrom: ['draft', 'submitted'] });
    expect(decideTransition(strict, 'accepted', 'withdraw', ['member']).ok).toBe(false);
    expect(decideTransition(strict, 'submitted', 'withdraw', ['member']).ok).toBe(true);
    expect(() => createWorkflow({ withdrawableFrom: ['closed'] })).toThrow(/finished/);
  });

  it('when the graph is walked from draft, then every state is reachable and terminal states have no way out', () => {
    expect([...reachableStates(workflow)].sort()).toEqual([...MOTION_STATES].sort());
    for (const state of TERMINAL_STATES) expect(availableActions(workflow, state)).toEqual([]);
    expect(availableActions(workflow, 'under-review').sort()).toEqual([
      'accept',
      'merge',
      'reject',
      'return',
      'withdraw',
    ]);
  });

  it('when any sequence of actions by any roles is applied, then the motion never leaves the graph and every step follows a rule', () => {
    const states = new Set<string>(MOTION_STATES);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...MOTION_ACTIONS), fc.subarray(ALL_ROLES)), { maxLength: 60 }),
        (steps) => {
          let state: MotionState = 'draft';
          for (const [action, roles] of steps) {
            const decision = decideTransition(workflow, state, action, roles);
            if (!decision.ok) continue;
            const rule = workflow.rules.find((candidate) => candidate.action === action)!;
            expect(rule.from).toContain(state);
            expect(roles).toContain(decision.actedAs);
            expect(rule.roles).toContain(decision.actedAs);
            expect(TERMINAL_STATES).not.toContain(state);
            state = decision.to;
            expect(states.has(state)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
