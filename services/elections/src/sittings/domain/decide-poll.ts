import { absoluteMajorityBar } from '../../domain/majority-bars.js';
import { InvalidTallyError } from '../../domain/invalid-tally-error.js';
import type { Reason } from '../../domain/reason.js';

/** What a poll's majority is measured against. */
export type PollMajority = 'present' | 'cast';

export interface PollCounts {
  yes: number;
  no: number;
  abstain: number;
  /** Members taking part when voting closed (see `pollPresence`); at least the number who voted. */
  present: number;
}

export interface PollDecision {
  outcome: 'adopted' | 'rejected';
  /** Yes votes needed to adopt (for `cast`: one more than the no votes). */
  required: number;
  reason: Reason;
}

/**
 * The outcome of a yes/no/abstain poll.
 * - `present` (salt çoğunluk of those present, the GA's usual rule): adopted when yes > present / 2,
 *   i.e. yes ≥ ⌊present/2⌋ + 1. Abstaining and not voting count against, as they do in the room.
 * - `cast` (oy çokluğu, İzmir Kent Konseyi's practice for ordinary motions): adopted when yes > no.
 *   Abstentions (çekimser) are not votes cast; a tie is rejected.
 * Nobody present, or no yes votes, rejects.
 */
export function decidePoll(counts: PollCounts, majority: PollMajority): PollDecision {
  const { yes, no, abstain, present } = counts;
  for (const [name, value] of Object.entries(counts))
    if (!Number.isInteger(value) || value < 0)
      throw new InvalidTallyError('invalid-count', `${name} (${value}) must be a whole number of at least 0`);
  if (yes + no + abstain > present)
    throw new InvalidTallyError(
      'more-votes-than-present',
      `${yes + no + abstain} votes cannot exceed the ${present} members present`,
    );
  if (majority === 'present') {
    const required = absoluteMajorityBar(present);
    const adopted = yes >= required;
    return {
      outcome: adopted ? 'adopted' : 'rejected',
      required,
      reason: adopted
        ? {
            tr: `Kabul: hazır bulunan ${present} üyeden ${yes} üye evet dedi (salt çoğunluk ${required})`,
            en: `Adopted: ${yes} of the ${present} members present voted yes (majority ${required})`,
          }
        : {
            tr: `Ret: hazır bulunan ${present} üyeden ${yes} üye evet dedi, salt çoğunluk için ${required} gerekiyordu`,
            en: `Rejected: ${yes} of the ${present} members present voted yes; a majority needed ${required}`,
          },
    };
  }
  const required = no + 1;
  const adopted = yes >= required;
  return {
    outcome: adopted ? 'adopted' : 'rejected',
    required,
    reason: adopted
      ? {
          tr: `Kabul: ${yes} evet, ${no} hayır (çekimser ${abstain} oy sayılmaz)`,
          en: `Adopted: ${yes} yes to ${no} no (the ${abstain} abstentions are not votes cast)`,
        }
      : {
          tr: `Ret: ${yes} evet, ${no} hayır; kabul için evet oyları hayırdan fazla olmalı (çekimser ${abstain} oy sayılmaz)`,
          en: `Rejected: ${yes} yes to ${no} no; adoption needs more yes than no (the ${abstain} abstentions are not votes cast)`,
        },
  };
}

/**
 * Who counts as present for a poll: the members in the room when voting closed, together with any who
 * voted and then left (they were present when they voted). So the votes never exceed those present.
 */
export function pollPresence(options: { presentAtClose: Iterable<string>; voters: Iterable<string> }): number {
  return new Set([...options.presentAtClose, ...options.voters]).size;
}
