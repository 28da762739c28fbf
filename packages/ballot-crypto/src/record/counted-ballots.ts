import { InvalidInputError } from '../errors.js';
import type { BoardEntryJson, BoardStatus } from './record-types.js';

const STATUSES: ReadonlySet<string> = new Set<BoardStatus>(['counted', 'refused', 'superseded']);

/** Number of counted entries of a board (entries without a status count). */
export function countedBallots(board: readonly Pick<BoardEntryJson, 'status'>[]): number {
  let n = 0;
  for (const e of board) {
    if (e.status !== undefined && !STATUSES.has(e.status))
      throw new InvalidInputError(`unknown board status ${JSON.stringify(e.status)}`);
    if ((e.status ?? 'counted') === 'counted') n++;
  }
  return n;
}
