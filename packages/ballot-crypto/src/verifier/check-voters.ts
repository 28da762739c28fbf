import type { ElectionRecordJson } from '../record/record-types.js';
import { entryStatus } from './board-status.js';
import { fail } from './verification-failure.js';

/**
 * The "last ballot counts" rule on the board: every superseded entry is followed later by a counted
 * entry of the same voter, and no voter has two counted entries. Voter bindings are compared as
 * text: strict base64url gives each byte string one text form, and the ballot checks decoded them.
 */
export function checkVoters(record: ElectionRecordJson): void {
  const lastCounted = new Map<string, number>();
  record.board.forEach((e, i) => entryStatus(e) === 'counted' && lastCounted.set(e.ballot.voterBinding, i));
  record.board.forEach((e, i) => {
    if (entryStatus(e) !== 'superseded') return;
    const later = lastCounted.get(e.ballot.voterBinding);
    if (later === undefined || later < i)
      fail(
        'supersession',
        `board position ${i} is superseded, but no later board entry of the same voter is counted`,
      );
  });
  const firstCounted = new Map<string, number>();
  record.board.forEach((e, i) => {
    if (entryStatus(e) !== 'counted') return;
    const first = firstCounted.get(e.ballot.voterBinding);
    if (first !== undefined)
      fail('duplicate-voter', `board positions ${first} and ${i} are both counted ballots of the same voter`);
    firstCounted.set(e.ballot.voterBinding, i);
  });
}
