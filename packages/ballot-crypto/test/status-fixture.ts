import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import type { EncryptedBallot } from '../src/ballot/encrypted-ballot.js';
import { runKeyCeremony, type KeyCeremonyResult } from '../src/ceremony/run-key-ceremony.js';
import { seededRandom } from '../src/group/random.js';
import { BulletinBoard } from '../src/record/bulletin-board.js';
import { buildElectionRecord } from '../src/record/build-record.js';
import type { BoardStatus, ElectionRecordJson } from '../src/record/record-types.js';
import type { PartialDecryption } from '../src/tally/partial-decryption.js';
import type { EncryptedTally } from '../src/tally/tally-accumulator.js';
import { combineDecryptions } from '../src/tally/combine-decryptions.js';
import { partiallyDecrypt } from '../src/tally/partially-decrypt.js';
import { TallyAccumulator } from '../src/tally/tally-accumulator.js';
import { cheatingBallot } from './cheat.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

/** One cast ballot: voter number, marks, whether its proofs are honest, and its board status. */
export interface Cast {
  readonly voter: number;
  readonly marks: number[][];
  readonly status: BoardStatus;
  /** A cheating device's ballot (its proofs fail). */
  readonly cheat?: boolean;
}

export interface StatusFixture extends KeyCeremonyResult {
  readonly record: ElectionRecordJson;
  readonly totals: number[][];
  readonly ballots: readonly EncryptedBallot[];
  readonly tally: EncryptedTally;
  readonly partials: readonly PartialDecryption[];
}

/**
 * A small election whose board holds every cast ballot with its status. The tally covers the
 * entries `inTally` selects: by default the counted ones, as an honest server does.
 */
export function buildStatusFixture(
  casts: readonly Cast[],
  o: { inTally?: (c: Cast) => boolean; seed?: string } = {},
): StatusFixture {
  const random = seededRandom(o.seed ?? 'status fixture');
  const ceremony = runKeyCeremony({ manifest: MANIFEST, parameters: PARAMS, random });
  const { context, trustees } = ceremony;
  const ballots = casts.map((c) =>
    c.cheat
      ? cheatingBallot(context, binding(c.voter), c.marks, random)
      : encryptBallot({ context, voterBinding: binding(c.voter), selections: c.marks, random }).ballot,
  );
  const board = new BulletinBoard(context.baseHash);
  const acc = new TallyAccumulator(MANIFEST);
  const inTally = o.inTally ?? ((c: Cast) => c.status === 'counted');
  ballots.forEach((b, i) => {
    board.append(b);
    if (inTally(casts[i]!)) acc.add(b);
  });
  const tally = acc.result();
  const present = [trustees[0]!, trustees[2]!];
  const partials = present.map((t) => partiallyDecrypt(context, t, tally, random));
  const totals = combineDecryptions({ context, tally, partials });
  const statuses = casts.map((c) => c.status);
  const record = buildElectionRecord({
    context,
    announcements: ceremony.announcements,
    board,
    statuses,
    tally,
    partials,
    totals,
    signers: present,
    random,
  });
  return { ...ceremony, record, totals, ballots, tally, partials };
}
