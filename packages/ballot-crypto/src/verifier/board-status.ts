import type { BoardEntryJson, BoardStatus } from '../record/record-types.js';
import { fail } from './verification-failure.js';

/** An entry's status as the record format defines it: absent means counted; anything else is malformed. */
export function entryStatus(entry: BoardEntryJson): BoardStatus {
  const status = entry.status ?? 'counted';
  if (status !== 'counted' && status !== 'refused' && status !== 'superseded') {
    fail('format', `board position ${entry.position}: unknown status ${JSON.stringify(status)}`);
  }
  return status;
}
