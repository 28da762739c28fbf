import type { Gender } from '@konsey/contracts';

/** One candidate's total after the count. */
export interface CandidateTotal {
  candidateId: string;
  gender: Gender;
  votes: number;
}

/** The two genders parity reserves seats for; `other` and `undisclosed` are never reserved against. */
export type ReservedGender = 'female' | 'male';

/** Whether a gender is one parity reserves seats for. */
export function isReservedGender(gender: Gender): gender is ReservedGender {
  return gender === 'female' || gender === 'male';
}

/** The other reserved gender. */
export function otherReservedGender(gender: ReservedGender): ReservedGender {
  return gender === 'female' ? 'male' : 'female';
}
