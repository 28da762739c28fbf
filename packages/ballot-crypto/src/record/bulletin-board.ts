import { ballotHash } from '../ballot/ballot-hash.js';
import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import { trackingCode } from '../ballot/tracking-code.js';
import { boardEntryHash } from './board-chain.js';

/** One cast ballot on the public board. */
export interface BoardEntry {
  readonly position: number;
  readonly ballot: EncryptedBallot;
  readonly ballotHash: Uint8Array;
  readonly trackingCode: string;
  readonly previousHash: Uint8Array;
  readonly entryHash: Uint8Array;
}

/** The append-only public bulletin board of cast ballots, hash-chained from the base hash. */
export class BulletinBoard {
  private readonly list: BoardEntry[] = [];
  private headHash: Uint8Array;

  constructor(private readonly baseHash: Uint8Array) {
    this.headHash = baseHash;
  }

  /** Appends a verified, cast ballot and returns its entry (with the voter's tracking code). */
  append(ballot: EncryptedBallot): BoardEntry {
    const position = this.list.length;
    const hash = ballotHash(this.baseHash, ballot);
    const entry: BoardEntry = {
      position,
      ballot,
      ballotHash: hash,
      trackingCode: trackingCode(hash),
      previousHash: this.headHash,
      entryHash: boardEntryHash(this.headHash, position, hash),
    };
    this.list.push(entry);
    this.headHash = entry.entryHash;
    return entry;
  }

  /** Hash of the last entry (the base hash while empty). */
  get head(): Uint8Array {
    return this.headHash;
  }

  /** Entries in board order. */
  get entries(): readonly BoardEntry[] {
    return this.list;
  }
}
