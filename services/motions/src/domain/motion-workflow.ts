/**
 * The motion workflow as data: which action leads from which states to which state, and which roles may
 * take it. Pure: the use cases ask `decideTransition` and either apply its answer or refuse with its reason.
 */
export const MOTION_STATES = [
  'draft',
  'submitted',
  'under-review',
  'returned',
  'accepted',
  'on-agenda',
  'voting',
  'adopted',
  'rejected',
  'merged',
  'sent',
  'on-municipal-agenda',
  'in-commission',
  'decided',
  'closed',
  'withdrawn',
] as const;
export type MotionState = (typeof MOTION_STATES)[number];

export const MOTION_ACTIONS = [
  'revise',
  'co-sponsor',
  'submit',
  'start-review',
  'accept',
  'return',
  'merge',
  'reject',
  'schedule',
  'open-poll',
  'record-poll-adopted',
  'record-poll-rejected',
  'send',
  'record-municipal-agenda',
  'record-municipal-decision',
  'refer-to-commission',
  'close',
  'withdraw',
] as const;
export type MotionAction = (typeof MOTION_ACTIONS)[number];

/** Who acts: a role from the token, or the service itself (a poll result arriving from elections). */
export type ActorRole = 'member' | 'executive-board' | 'staff' | 'system';

export interface TransitionRule {
  action: MotionAction;
  from: readonly MotionState[];
  to: MotionState | 'same';
  roles: readonly ActorRole[];
}

export interface Workflow {
  rules: readonly TransitionRule[];
}

export interface WorkflowSettings {
  /** States from which a motion may be withdrawn (default: everything before the GA votes). */
  withdrawableFrom?: readonly MotionState[];
}

export const DEFAULT_WITHDRAWABLE: readonly MotionState[] = [
  'draft',
  'submitted',
  'under-review',
  'returned',
  'accepted',
  'on-agenda',
];

const BOARD = ['executive-board'] as const;
const MUNICIPAL_RECORDERS = ['executive-board', 'staff'] as const;

/** The workflow with the council's settings applied. */
export function createWorkflow(settings: WorkflowSettings = {}): Workflow {
  const withdrawable = settings.withdrawableFrom ?? DEFAULT_WITHDRAWABLE;
  const unknown = withdrawable.filter((state) => !(MOTION_STATES as readonly string[]).includes(state));
  if (unknown.length) throw new Error(`unknown motion states: ${unknown.join(', ')}`);
  const terminal = withdrawable.filter((state) => TERMINAL_STATES.includes(state));
  if (terminal.length) throw new Error(`a finished motion cannot be withdrawn: ${terminal.join(', ')}`);
  return {
    rules: [
      { action: 'revise', from: ['draft', 'returned'], to: 'same', roles: ['member', 'executive-board'] },
      { action: 'co-sponsor', from: ['draft', 'returned'], to: 'same', roles: ['member'] },
      {
        action: 'submit',
        from: ['draft', 'returned'],
        to: 'submitted',
        roles: ['member', 'executive-board'],
      },
      { action: 'start-review', from: ['submitted'], to: 'under-review', roles: BOARD },
      { action: 'accept', from: ['under-review'], to: 'accepted', roles: BOARD },
      { action: 'return', from: ['under-review'], to: 'returned', roles: BOARD },
      { action: 'merge', from: ['under-review'], to: 'merged', roles: BOARD },
      { action: 'reject', from: ['under-review'], to: 'rejected', roles: BOARD },
      { action: 'schedule', from: ['accepted'], to: 'on-agenda', roles: BOARD },
      { action: 'open-poll', from: ['on-agenda'], to: 'voting', roles: BOARD },
      { action: 'record-poll-adopted', from: ['voting'], to: 'adopted', roles: ['system'] },
      { action: 'record-poll-rejected', from: ['voting'], to: 'rejected', roles: ['system'] },
      { action: 'send', from: ['adopted'], to: 'sent', roles: BOARD },
      {
        action: 'record-municipal-agenda',
        from: ['sent', 'in-commission'],
        to: 'on-municipal-agenda',
        roles: MUNICIPAL_RECORDERS,
      },
      {
        action: 'record-municipal-decision',
        from: ['on-municipal-agenda', 'in-commission'],
        to: 'decided',
        roles: MUNICIPAL_RECORDERS,
      },
      {
        action: 'refer-to-commission',
        from: ['on-municipal-agenda'],
        to: 'in-commission',
        roles: MUNICIPAL_RECORDERS,
      },
      { action: 'close', from: ['decided'], to: 'closed', roles: MUNICIPAL_RECORDERS },
      { action: 'withdraw', from: withdrawable, to: 'withdrawn', roles: ['member', 'executive-board'] },
    ],
  };
}

export const TERMINAL_STATES: readonly MotionState[] = ['rejected', 'merged', 'closed', 'withdrawn'];

export type TransitionDecision =
  | { ok: true; to: MotionState; actedAs: ActorRole }
  | { ok: false; reason: 'illegal-transition'; allowedFrom: readonly MotionState[] }
  | { ok: false; reason: 'wrong-role'; allowedRoles: readonly ActorRole[] };

/**
 * May an actor holding `roles` take `action` on a motion in `state`? The state is checked first: an action
 * that cannot happen now is refused as illegal whoever asks.
 */
export function decideTransition(
  workflow: Workflow,
  state: MotionState,
  action: MotionAction,
  roles: readonly ActorRole[],
): TransitionDecision {
  const rule = workflow.rules.find((candidate) => candidate.action === action);
  if (!rule || !rule.from.includes(state))
    return { ok: false, reason: 'illegal-transition', allowedFrom: rule?.from ?? [] };
  const actedAs = rule.roles.find((role) => roles.includes(role));
  if (!actedAs) return { ok: false, reason: 'wrong-role', allowedRoles: rule.roles };
  return { ok: true, to: rule.to === 'same' ? state : rule.to, actedAs };
}

/** Every state reachable from `draft` under the workflow (for checks and documentation). */
export function reachableStates(workflow: Workflow, start: MotionState = 'draft'): Set<MotionState> {
  const seen = new Set<MotionState>([start]);
  const queue: MotionState[] = [start];
  while (queue.length) {
    const state = queue.shift()!;
    for (const rule of workflow.rules) {
      if (!rule.from.includes(state)) continue;
      const to = rule.to === 'same' ? state : rule.to;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** The actions open to a motion in a state (shown with the motion, so clients need not know the graph). */
export function availableActions(workflow: Workflow, state: MotionState): MotionAction[] {
  return workflow.rules.filter((rule) => rule.from.includes(state)).map((rule) => rule.action);
}
