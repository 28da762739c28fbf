import type { Role } from '@konsey/contracts';
import { committeeOf, type ElectionRow, type Tx } from '../data/election-repository.js';
import { refuse } from './election-refusal.js';

/** Who is calling, from the verified token. */
export interface Caller {
  subject: string;
  roles: readonly Role[];
  /** The token's id (jti), to bind an approval to the authenticated request. */
  tokenId?: string | undefined;
}

export const isStaff = (caller: Caller) =>
  caller.roles.includes('staff') || caller.roles.includes('operator');

/** The caller must be a member of this election's committee (and hold the election-committee role). */
export async function assertOnCommittee(tx: Tx, election: ElectionRow, caller: Caller): Promise<void> {
  const committee = await committeeOf(tx, election.id);
  if (!caller.roles.includes('election-committee') || !committee.includes(caller.subject))
    throw refuse(
      'election-not-on-committee',
      `${caller.subject} bu seçimin seçim kurulunda değil`,
      `${caller.subject} is not on this election's committee`,
    );
}

/** Staff, or a member of this election's committee. */
export async function assertStaffOrCommittee(tx: Tx, election: ElectionRow, caller: Caller): Promise<void> {
  if (isStaff(caller)) return;
  await assertOnCommittee(tx, election, caller);
}
