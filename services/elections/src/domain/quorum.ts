import type { QuorumFallbackSetting } from './election-settings.js';
import { InvalidTallyError } from './invalid-tally-error.js';
import { absoluteMajorityBar } from './majority-bars.js';
import type { Reason } from './reason.js';

/** Whether a meeting may proceed. */
export interface QuorumStatus {
  reached: boolean;
  /** Members needed present (0 when the second meeting needs no quorum). */
  required: number;
  present: number;
  rule: 'absolute-majority' | 'second-meeting-without-quorum' | 'minimum-attendance';
  /** When the first meeting fails: what the directive allows next. */
  next?: 'second-meeting';
  reason: Reason;
}

/**
 * The General Assembly's quorum: at the first meeting an absolute majority of the members (⌊members/2⌋
 * + 1, counted on the frozen roll) must be present. If not, the council's fallback applies at the
 * second meeting: `second-meeting-without-quorum` (İzmir: a week later, no quorum) or
 * `{ minimumAttendance: n }` (Tekirdağ: n = twice the Executive Board size), which needs n present.
 */
export function quorumStatus(options: {
  members: number;
  present: number;
  meeting: 'first' | 'second';
  fallback: QuorumFallbackSetting;
}): QuorumStatus {
  const { members, present, meeting, fallback } = options;
  if (!Number.isInteger(members) || !Number.isInteger(present) || present < 0 || present > members)
    throw new InvalidTallyError(
      'invalid-attendance',
      `present (${present}) must be a count between 0 and members (${members})`,
    );
  if (meeting === 'first') {
    const required = absoluteMajorityBar(members);
    const reached = present >= required;
    return {
      reached,
      required,
      present,
      rule: 'absolute-majority',
      ...(reached ? {} : { next: 'second-meeting' as const }),
      reason: reached
        ? {
            tr: `Toplantı yeter sayısı sağlandı: ${members} üyeden ${present} üye hazır (gereken ${required})`,
            en: `Quorum reached: ${present} of ${members} members present (${required} needed)`,
          }
        : {
            tr: `Toplantı yeter sayısı sağlanamadı: ${members} üyeden ${present} üye hazır, ${required} gerekiyordu; ikinci toplantı yapılır`,
            en: `No quorum: ${present} of ${members} members present, ${required} needed; a second meeting follows`,
          },
    };
  }
  if (fallback === 'second-meeting-without-quorum')
    return {
      reached: true,
      required: 0,
      present,
      rule: 'second-meeting-without-quorum',
      reason: {
        tr: 'İkinci toplantıda yeter sayı aranmaz',
        en: 'The second meeting needs no quorum',
      },
    };
  const required = fallback.minimumAttendance;
  const reached = present >= required;
  return {
    reached,
    required,
    present,
    rule: 'minimum-attendance',
    reason: reached
      ? {
          tr: `İkinci toplantıda en az ${required} üye hazır olmalı; ${present} üye hazır`,
          en: `The second meeting needs at least ${required} members present; ${present} are present`,
        }
      : {
          tr: `İkinci toplantıda en az ${required} üye hazır olmalı; yalnızca ${present} üye hazır`,
          en: `The second meeting needs at least ${required} members present; only ${present} are present`,
        },
  };
}
