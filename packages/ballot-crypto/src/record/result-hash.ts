import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';

/** What the committee signs: the election, the board head, the ballot count and every total. */
export function resultHash(baseHash: Uint8Array, boardHead: Uint8Array, ballotCount: number, totals: readonly (readonly number[])[]): Uint8Array {
  const t = new Transcript(TAGS.result).bytes(baseHash).bytes(boardHead).number(ballotCount).number(totals.length);
  for (const contest of totals) {
    t.number(contest.length);
    for (const n of contest) t.number(n);
  }
  return t.hash32();
}
