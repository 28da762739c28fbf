import { trackingCode } from '../ballot/tracking-code.js';
import { bytesEqual } from '../encoding/bytes.js';
import { fromBase64url } from '../encoding/base64url.js';
import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import type { ElectionRecordJson } from '../record/record-types.js';
import { fail, guard } from './verification-failure.js';

/** Checks positions, the hash chain from the base hash to the board head, and every tracking code. */
export function checkBoardChain(record: ElectionRecordJson, baseHash: Uint8Array): void {
  let previous = baseHash;
  record.board.forEach((e, i) => {
    const at = `board position ${i}`;
    if (e.position !== i) fail('board-chain', `${at}: entry says position ${e.position}`);
    const [prev, ballotHash, entryHash] = guard('board-chain', at, () => [fromBase64url(e.previousHash, 32), fromBase64url(e.ballotHash, 32), fromBase64url(e.entryHash, 32)]);
    if (!bytesEqual(prev, previous)) fail('board-chain', `${at}: previous hash does not match the preceding entry`);
    const expected = new Transcript(TAGS.boardEntry).bytes(previous).number(i).bytes(ballotHash).hash32();
    if (!bytesEqual(expected, entryHash)) fail('board-chain', `${at}: entry hash does not match`);
    if (e.trackingCode !== trackingCode(ballotHash)) fail('tracking-code', `${at}: tracking code ${e.trackingCode} does not match the ballot hash`);
    previous = entryHash;
  });
  if (!bytesEqual(previous, guard('board-chain', 'board head', () => fromBase64url(record.boardHead, 32)))) fail('board-chain', 'the board head does not match the last entry');
}
