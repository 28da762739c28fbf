import type { MemberAnnouncement } from '../ceremony/member-announcement.js';
import { sign } from '../ceremony/schnorr-signature.js';
import type { TrusteeKey } from '../ceremony/trustee-key.js';
import type { ElectionContext } from '../election/election-context.js';
import { InvalidInputError } from '../errors.js';
import { systemRandom, type RandomSource } from '../group/random.js';
import type { PartialDecryption } from '../tally/partial-decryption.js';
import type { EncryptedTally } from '../tally/tally-accumulator.js';
import { assembleElectionRecord, recordResultHash } from './assemble-record.js';
import type { BulletinBoard } from './bulletin-board.js';
import { boardEntryToJson } from './json-codec.js';
import type { BoardStatus, ElectionRecordJson } from './record-types.js';

/** Options of {@link buildElectionRecord}. */
export interface BuildElectionRecordOptions {
  readonly context: ElectionContext;
  readonly announcements: readonly MemberAnnouncement[];
  readonly board: BulletinBoard;
  /** Status of each board entry, in board order; all `counted` when absent. */
  readonly statuses?: readonly BoardStatus[];
  /** Per contest and option: the product of the counted entries' ciphertexts. */
  readonly tally: EncryptedTally;
  readonly partials: readonly PartialDecryption[];
  readonly totals: readonly (readonly number[])[];
  /** Members signing the result (at least k). Only their long-term keys are used. */
  readonly signers: readonly TrusteeKey[];
  readonly random?: RandomSource;
}

/** Assembles and signs the public election record (format version 1). */
export function buildElectionRecord(o: BuildElectionRecordOptions): ElectionRecordJson {
  const { entries } = o.board;
  if (o.statuses && o.statuses.length !== entries.length) {
    throw new InvalidInputError(`${o.statuses.length} statuses for ${entries.length} board entries`);
  }
  const board = entries.map((e, i) => boardEntryToJson(e, o.statuses?.[i]));
  const rh = recordResultHash({ context: o.context, board, totals: o.totals });
  const signatures = o.signers.map((t) => ({
    memberIndex: t.index,
    signature: sign(t.authSecretKey, rh, o.random ?? systemRandom),
  }));
  return assembleElectionRecord({
    context: o.context,
    announcements: o.announcements,
    board,
    aggregate: o.tally,
    partials: o.partials,
    totals: o.totals,
    signatures,
  });
}
