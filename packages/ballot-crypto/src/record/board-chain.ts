import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';

/**
 * Hash of board entry `position`: H(tag, previous entry hash, position, ballot hash). The chain
 * starts from the election base hash, so the board head commits to every cast ballot, in order.
 */
export function boardEntryHash(previousHash: Uint8Array, position: number, ballotHash: Uint8Array): Uint8Array {
  return new Transcript(TAGS.boardEntry).bytes(previousHash).number(position).bytes(ballotHash).hash32();
}
