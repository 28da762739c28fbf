import { addSeconds } from './clock.js';

/** How many consecutive failures lock an account, and for how long. */
export interface LockoutPolicy {
  threshold: number;
  lockSeconds: number;
}

export interface LockoutState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/**
 * The state after one more failed sign-in. A lockout that has passed starts the count again; reaching
 * the threshold locks the account for the policy's window.
 */
export function afterFailedSignIn(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  const lockPassed = state.lockedUntil !== null && state.lockedUntil <= now;
  const failedSignIns = (lockPassed ? 0 : state.failedSignIns) + 1;
  return failedSignIns >= policy.threshold
    ? { failedSignIns, lockedUntil: addSeconds(now, policy.lockSeconds) }
    : { failedSignIns, lockedUntil: null };
}

export const afterSuccessfulSignIn: LockoutState = { failedSignIns: 0, lockedUntil: null };
