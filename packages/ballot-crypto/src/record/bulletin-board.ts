import { ballotHash } from '../ballot/ballot-hash.js';
import type { EncryptedBallot } from '../ballot/encrypted-ballot.js';
import { trackingCode } from '../ballot/tracking-code.js';
import { toHex } from '../encoding/bytes.js';
import { InvalidInputError } from '../errors.js';
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
  private readonly spoiled = new Set<string>();
  private readonly cast = new Set<string>();

  constructor(private readonly baseHash: Uint8Array) {
    this.headHash = baseHash;
  }

  /** Appends a verified, cast ballot and returns its entry (with the voter's tracking code). */
  append(ballot: EncryptedBallot): BoardEntry {
    const position = this.list.length;
    const hash = ballotHash(this.baseHash, ballot);
    if (this.spoiled.has(toHex(hash))) throw new InvalidInputError('this ballot was challenged (spoiled) and can never be cast');
    if (this.cast.has(toHex(hash))) throw new InvalidInputError('this ballot is already on the board (replay)');
    const entry: BoardEntry = {
      position,
      ballot,
      ballotHash: hash,
      trackingCode: trackingCode(hash),
      previousHash: this.headHash,
      entryHash: boardEntryHash(this.headHash, position, hash),
    };
    this.list.push(entry);
    this.cast.add(toHex(hash));
    this.headHash = entry.entryHash;
    return entry;
  }

  /** Marks a challenged ballot's hash as spoiled: it can never be appended afterwards. */
  spoil(ballotHash: Uint8Array): void {
    this.spoiled.add(toHex(ballotHash));
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
