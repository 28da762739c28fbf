import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { verifyBallots } from '../src/ballot/verify-ballot.js';
import { runKeyCeremony, type KeyCeremonyResult } from '../src/ceremony/run-key-ceremony.js';
import type { ElectionManifest } from '../src/election/manifest.js';
import type { ElectionParameters } from '../src/election/parameters.js';
import { seededRandom, type RandomSource } from '../src/group/random.js';
import { BulletinBoard } from '../src/record/bulletin-board.js';
import { buildElectionRecord } from '../src/record/build-record.js';
import type { ElectionRecordJson } from '../src/record/record-types.js';
import { combineDecryptions } from '../src/tally/combine-decryptions.js';
import { partiallyDecrypt } from '../src/tally/partially-decrypt.js';
import { TallyAccumulator } from '../src/tally/tally-accumulator.js';
import { MANIFEST, PARAMS, binding } from './helpers.js';

export interface Fixture extends KeyCeremonyResult {
  readonly record: ElectionRecordJson;
  readonly totals: number[][];
}

/** A complete small election: ceremony, ballots, board, tally with members `present`, record. */
export function buildFixture(
  votes: number[][][],
  o: { manifest?: ElectionManifest; parameters?: ElectionParameters; present?: number[]; random?: RandomSource } = {},
): Fixture {
  const manifest = o.manifest ?? MANIFEST;
  const parameters = o.parameters ?? PARAMS;
  const random = o.random ?? seededRandom('fixture');
  const ceremony = runKeyCeremony({ manifest, parameters, random });
  const { context, trustees } = ceremony;
  const ballots = votes.map((selections, i) => encryptBallot({ context, voterBinding: binding(i), selections, random }).ballot);
  const errors = verifyBallots({ context, ballots, random });
  if (errors.some((e) => e)) throw new Error(`fixture ballot rejected: ${errors.find((e) => e)!.message}`);
  const board = new BulletinBoard(context.baseHash);
  const acc = new TallyAccumulator(manifest);
  for (const b of ballots) {
    board.append(b);
    acc.add(b);
  }
  const tally = acc.result();
  const present = (o.present ?? trustees.map((t) => t.index)).map((i) => trustees[i - 1]!);
  const partials = present.map((t) => partiallyDecrypt(context, t, tally, random));
  const totals = combineDecryptions({ context, tally, partials });
  const record = buildElectionRecord({ context, announcements: ceremony.announcements, board, tally, partials, totals, signers: present, random });
  return { ...ceremony, record, totals };
}

/** Plaintext counts of a list of ballots. */
export function countVotes(manifest: ElectionManifest, votes: number[][][]): number[][] {
  return manifest.contests.map((c, ci) => c.options.map((_, oi) => votes.reduce((n, v) => n + v[ci]![oi]!, 0)));
}

/** A deep copy of a record, to tamper with. */
export const clone = (r: ElectionRecordJson): ElectionRecordJson => JSON.parse(JSON.stringify(r)) as ElectionRecordJson;
