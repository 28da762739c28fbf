import { randomUUID } from 'node:crypto';
import {
  BallotCryptoError,
  ballotHashOfJson,
  fromHex,
  toHex,
  trackingCode,
  type BallotJson,
  type ElectionManifest,
} from '@konsey/ballot-crypto';
import { AppError } from '@konsey/service-kit';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import { assertPresentIfRequired } from './presence.js';
import { UUID, type Caller, type Tx } from './ceremony.js';

const b64 = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'unpadded base64url');
const Proof = z.strictObject({
  commitments: z.array(z.strictObject({ a: b64, b: b64 })).max(1001),
  challenges: z.array(b64).max(1001),
  responses: z.array(b64).max(1001),
});
/** The wire form of an encrypted ballot (ballot-crypto's `ballotToJson`). */
export const BallotBody = z.strictObject({
  ballot: z.strictObject({
    voterBinding: b64,
    contests: z
      .array(
        z.strictObject({
          selections: z
            .array(z.strictObject({ alpha: b64, beta: b64, proof: Proof }))
            .min(1)
            .max(1000),
          proof: Proof,
        }),
      )
      .min(1)
      .max(50),
  }),
});
export type BallotBody = z.infer<typeof BallotBody>;

export interface CastAnswer {
  ballotId: string;
  trackingCode: string;
  status: 'received';
  receivedAt: string;
}

export interface CastOutcome {
  status: number;
  body: CastAnswer;
  replayed: boolean;
  /** The round the ballot was stored in (0 for a replayed answer). */
  round: number;
}

/** Sizes only (the points and proofs are checked by the verification workers): contests, options, branches. */
function checkShape(manifest: ElectionManifest, ballot: BallotBody['ballot']): string | undefined {
  if (ballot.contests.length !== manifest.contests.length)
    return `expected ${manifest.contests.length} contests`;
  for (const [ci, contest] of manifest.contests.entries()) {
    const cast = ballot.contests[ci]!;
    if (cast.selections.length !== contest.options.length)
      return `contest ${ci}: expected ${contest.options.length} selections, got ${cast.selections.length}`;
    const branches = contest.maxSelections - contest.minSelections + 1;
    const sized = (p: BallotBody['ballot']['contests'][number]['proof'], n: number) =>
      p.commitments.length === n && p.challenges.length === n && p.responses.length === n;
    if (!cast.selections.every((s) => sized(s.proof, 2)))
      return `contest ${ci}: every selection proof has 2 branches`;
    if (!sized(cast.proof, branches)) return `contest ${ci}: the contest proof has ${branches} branches`;
  }
  return undefined;
}

/** What a cast needs of the round being voted: its number, ceremony, base hash and ballot. */
interface CastingRound {
  round: number;
  ceremonyId: string;
  baseHash: Uint8Array;
  manifest: ElectionManifest;
}

/** The ceremony of an election's current round does not change while it is voted: kept for a moment. */
const castingRounds = new Map<string, { value: CastingRound | null; until: number }>();

async function castingRound(prisma: PrismaClient, electionId: string): Promise<CastingRound | null> {
  const cached = castingRounds.get(electionId);
  if (cached && cached.until > Date.now()) return cached.value;
  const rows = await prisma.$queryRaw<
    { round: number; id: string; base_hash: string; manifest: ElectionManifest }[]
  >`
    SELECT e.round, c.id::text, c.base_hash, c.manifest FROM elections e
    JOIN ballot_ceremonies c ON c.election_id = e.id AND c.round = e.round AND c.status = 'complete'
    WHERE e.id = ${electionId}::uuid`;
  const row = rows[0];
  const value = row
    ? { round: row.round, ceremonyId: row.id, baseHash: fromHex(row.base_hash), manifest: row.manifest }
    : null;
  castingRounds.set(electionId, { value, until: Date.now() + 1_000 });
  return value;
}

class RoundMoved extends Error {}

/**
 * Take a ballot into the box. Before the transaction, without decoding a point: its shape against the
 * round's ballot and its hash (the tracking code). In one transaction serialised per voter: the
 * Idempotency-Key, the election's state, roll, credential (the ballot must carry its binding), presence
 * and the one-ballot rule; the ballot is stored as `received` and the answer (202) is kept with the key.
 * The workers then decode it strictly and check its proofs; the board sequencer puts it on the board.
 */
export async function castBallot(
  prisma: PrismaClient,
  request: {
    electionId: string;
    caller: Caller;
    idempotencyKey: string;
    requestHash: string;
    body: BallotBody;
  },
): Promise<CastOutcome> {
  try {
    return await castIn(prisma, request, await castingRound(prisma, request.electionId), false);
  } catch (error) {
    if (!(error instanceof RoundMoved)) throw error;
    castingRounds.delete(request.electionId);
    return castIn(prisma, request, await castingRound(prisma, request.electionId), true);
  }
}

async function castIn(
  prisma: PrismaClient,
  request: Parameters<typeof castBallot>[1],
  casting: CastingRound | null,
  fresh: boolean,
): Promise<CastOutcome> {
  const { electionId, caller } = request;
  const ballotJson = request.body.ballot as BallotJson;
  let prepared: { hashHex: string; code: string } | undefined;
  if (casting) {
    const shape = checkShape(casting.manifest, request.body.ballot);
    if (shape) throw fail('ballot-malformed', shape);
    try {
      const hash = ballotHashOfJson(casting.baseHash, ballotJson);
      prepared = { hashHex: toHex(hash), code: trackingCode(hash) };
    } catch (error) {
      if (error instanceof BallotCryptoError) throw fail('ballot-malformed', error.message);
      throw error;
    }
  }
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`konsey/ballot-box/voter/${electionId}/${caller.subject}`}, 0))`;
    const key = `cast:${electionId}:${caller.subject}:${request.idempotencyKey}`;
    const stored = await tx.$queryRaw<
      { request_hash: string; response_status: number; response_body: CastAnswer }[]
    >`
      SELECT request_hash, response_status, response_body FROM ballot_idempotency_keys WHERE key = ${key}`;
    if (stored[0]) {
      if (stored[0].request_hash !== request.requestHash)
        throw new AppError('idempotency-key-reused', {
          detail: 'the Idempotency-Key was first used with a different ballot',
        });
      return { status: stored[0].response_status, body: stored[0].response_body, replayed: true, round: 0 };
    }

    // FOR SHARE: a concurrent transition (close-voting locks the row FOR UPDATE) waits for the casts in flight.
    const elections = await tx.$queryRaw<{ status: string; round: number }[]>`
      SELECT status, round FROM elections WHERE id = ${electionId}::uuid FOR SHARE`;
    const election = elections[0];
    if (!election) throw fail('not-found', `no election ${electionId}`);
    if (election.status !== 'voting-open')
      throw fail('ballot-voting-closed', `election ${electionId} is ${election.status}`);
    if (!casting || !prepared || casting.round !== election.round) {
      // What was read before the transaction may be a moment old: read it again once.
      if (!fresh) throw new RoundMoved();
      if (casting && casting.round !== election.round)
        throw fail(
          'ballot-voting-closed',
          `round ${casting.round} of election ${electionId} has just closed; cast again`,
        );
      throw fail(
        'ballot-ceremony-incomplete',
        `the key ceremony of election ${electionId} round ${election.round} is not complete`,
      );
    }
    if (!UUID.test(caller.subject))
      throw fail(
        'voter-not-on-roll',
        `${caller.subject} is not on the frozen roll of election ${electionId}`,
      );
    const facts = await tx.$queryRaw<
      { on_roll: boolean; voter_binding: string | null; recast: string | null; sitting_id: string | null }[]
    >`
      SELECT EXISTS (SELECT 1 FROM election_roll WHERE election_id = ${electionId}::uuid AND member_id = ${caller.subject}::uuid) AS on_roll,
             (SELECT voter_binding FROM ballot_credentials WHERE election_id = ${electionId}::uuid AND member_id = ${caller.subject}::uuid) AS voter_binding,
             (SELECT recast FROM ballot_boxes WHERE election_id = ${electionId}::uuid) AS recast,
             (SELECT sitting_id::text FROM ballot_boxes WHERE election_id = ${electionId}::uuid) AS sitting_id`;
    const { on_roll: onRoll, voter_binding: binding, recast, sitting_id: sittingId } = facts[0]!;
    if (!onRoll)
      throw fail(
        'voter-not-on-roll',
        `${caller.subject} is not on the frozen roll of election ${electionId}`,
      );
    if (!binding)
      throw fail(
        'ballot-credential-missing',
        `no ballot credential for ${caller.subject} in election ${electionId}`,
      );
    if (ballotJson.voterBinding !== binding)
      throw fail('ballot-malformed', 'the ballot is not bound to your credential for this election');
    await assertPresentIfRequired(tx, electionId, caller.subject, sittingId);
    const single = (recast ?? 'one') === 'one';
    if (single) {
      const live = await tx.$queryRaw<{ status: string }[]>`
        SELECT status FROM ballots
        WHERE election_id = ${electionId}::uuid AND round = ${election.round} AND member_id = ${caller.subject}::uuid
          AND status IN ('received', 'accepted')`;
      if (live.length > 0)
        throw fail('ballot-already-cast', `${caller.subject} has a ballot ${live[0]!.status} in this round`);
    }

    const id = randomUUID();
    const rows = await tx.$queryRaw<{ received_at: Date }[]>`
      INSERT INTO ballots (id, election_id, round, ceremony_id, member_id, content, ballot_hash, tracking_code, status, single)
      VALUES (${id}::uuid, ${electionId}::uuid, ${election.round}, ${casting.ceremonyId}::uuid, ${caller.subject}::uuid,
              ${JSON.stringify(ballotJson)}::jsonb, ${prepared.hashHex}, ${prepared.code}, 'received', ${single})
      ON CONFLICT (election_id, ballot_hash) DO NOTHING
      RETURNING received_at`;
    if (rows.length === 0) throw fail('ballot-already-cast', 'this very ballot was already cast');
    const body: CastAnswer = {
      ballotId: id,
      trackingCode: prepared.code,
      status: 'received',
      receivedAt: rows[0]!.received_at.toISOString(),
    };
    await tx.$executeRaw`
      INSERT INTO ballot_idempotency_keys (key, request_hash, response_status, response_body)
      VALUES (${key}, ${request.requestHash}, 202, ${JSON.stringify(body)}::jsonb)`;
    return { status: 202, body, replayed: false, round: election.round };
  });
}

/** A voter's own ballot: its status, and the reason when the proofs were refused. */
export async function ballotStatus(
  prisma: PrismaClient,
  electionId: string,
  ballotId: string,
  caller: Caller,
) {
  const row = await prisma.ballot.findUnique({ where: { id: ballotId } });
  if (!row || row.electionId !== electionId || row.memberId !== caller.subject)
    throw fail('not-found', `no ballot ${ballotId} of yours`);
  return {
    ballotId: row.id,
    round: row.round,
    trackingCode: row.trackingCode,
    status: row.status,
    refusal: row.refusal,
    receivedAt: row.receivedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** The ballot box's re-casting rule, set before voting opens. */
export async function setRecast(
  prisma: PrismaClient,
  electionId: string,
  recast: 'one' | 'last-counts',
  assert: (tx: Tx) => Promise<void>,
) {
  return prisma.$transaction(async (tx) => {
    await assert(tx);
    const rows = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status FROM elections WHERE id = ${electionId}::uuid FOR SHARE`;
    if (!rows[0]) throw fail('not-found', `no election ${electionId}`);
    if (!['draft', 'announced', 'candidacy-open', 'candidacy-closed', 'roll-frozen'].includes(rows[0].status))
      throw fail(
        'ballot-box-election-state',
        `the re-casting rule is fixed once voting opens (election is ${rows[0].status})`,
      );
    const box = await tx.ballotBox.upsert({
      where: { electionId },
      create: { electionId, recast },
      update: { recast, updatedAt: new Date() },
    });
    return { electionId, recast: box.recast };
  });
}
