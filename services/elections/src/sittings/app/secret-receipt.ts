import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Choice } from '../data/vote-repository.js';

/**
 * A secret vote's change code. The voter receives `<choice>.<nonce>` (256 random bits); the database
 * keeps only sha256(poll, member, choice, nonce). Without the nonce, which only the voter holds, the
 * stored hash cannot tell which choice was made, so the member–choice link is never stored; with it,
 * the voter can replace their vote (the old count is taken back) and gets a new code.
 */
export function issueChangeCode(pollId: string, memberId: string, choice: Choice) {
  const code = `${choice}.${randomBytes(32).toString('base64url')}`;
  return { code, hash: hashOf(pollId, memberId, code) };
}

/** The choice a change code stands for, if it is the one on record for this member. */
export function verifyChangeCode(
  pollId: string,
  memberId: string,
  code: string,
  storedHash: string,
): Choice | undefined {
  const choice = code.split('.', 1)[0];
  if (choice !== 'yes' && choice !== 'no' && choice !== 'abstain') return undefined;
  const actual = Buffer.from(hashOf(pollId, memberId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return actual.length === stored.length && timingSafeEqual(actual, stored) ? choice : undefined;
}

function hashOf(pollId: string, memberId: string, code: string): string {
  return createHash('sha256').update(`konsey-poll-receipt:${pollId}:${memberId}:${code}`).digest('hex');
}
