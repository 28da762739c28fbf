import { randomUUID } from 'node:crypto';
import {
  ballotFromJson,
  ballotHash,
  BallotCryptoError,
  toHex,
  trackingCode,
  type BallotJson,
  type EncryptedBallot,
  type ElectionManifest,
} from '@konsey/ballot-crypto';
import { AppError } from '@konsey/service-kit';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import { assertPresentIfRequired } from './presence.js';
import { appendToBoard } from './board.js';
import { assertOnRoll } from './credentials.js';
import { liveCeremony, manifestOf, type Caller, type Tx } from './ceremony.js';

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
}

/** Sizes only (the proofs are checked by the verification workers): contests, options, proof branches. */
function checkShape(manifest: ElectionManifest, ballot: EncryptedBallot): string | undefined {
  if (ballot.contests.length !== manifest.contests.length)
    return `expected ${manifest.contests.length} contests`;
  for (const [ci, contest] of manifest.contests.entries()) {
    const cast = ballot.contests[ci]!;
    if (cast.selections.length !== contest.options.length)
      return `contest ${ci}: expected ${contest.options.length} selections, got ${cast.selections.length}`;
    const branches = contest.maxSelections - contest.minSelections + 1;
    const sized = (
      p: { commitments: readonly unknown[]; challenges: readonly unknown[]; responses: readonly unknown[] },
      n: number,
    ) => p.commitments.length === n && p.challenges.length === n && p.responses.length === n;
    if (!cast.selections.every((s) => sized(s.proof, 2)))
      return `contest ${ci}: every selection proof has 2 branches`;
    if (!sized(cast.proof, branches)) return `contest ${ci}: the contest proof has ${branches} branches`;
  }
  return undefined;
}

/**
 * Take a ballot into the box: token, roll, state, credential and the one-ballot rule are checked, the
 * ballot is decoded strictly and stored as `received` with its tracking code, and the answer (202) is
 * kept with the Idempotency-Key, all in one transaction serialised per voter. Its proofs are checked
 * afterwards by the verification workers.
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
  const { electionId, caller } = request;
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
      return { status: stored[0].response_status, body: stored[0].response_body, replayed: true };
    }

    // FOR SHARE: a concurrent transition (close-voting locks the row FOR UPDATE) waits for the casts in flight.
    const elections = await tx.$queryRaw<{ status: string; round: number }[]>`
      SELECT status, round FROM elections WHERE id = ${electionId}::uuid FOR SHARE`;
    const election = elections[0];
    if (!election) throw fail('not-found', `no election ${electionId}`);
    if (election.status !== 'voting-open')
      throw fail('ballot-voting-closed', `election ${electionId} is ${election.status}`);
    await assertOnRoll(tx, electionId, caller.subject);
    const credentials = await tx.$queryRaw<{ voter_binding: string }[]>`
      SELECT voter_binding FROM ballot_credentials WHERE election_id = ${electionId}::uuid AND member_id = ${caller.subject}::uuid`;
    const credential = credentials[0];
    if (!credential)
      throw fail(
        'ballot-credential-missing',
        `no ballot credential for ${caller.subject} in election ${electionId}`,
      );
    const ceremony = await liveCeremony(tx, electionId, election.round);
    if (ceremony?.status !== 'complete' || !ceremony.baseHash)
      throw fail(
        'ballot-ceremony-incomplete',
        `the key ceremony of election ${electionId} round ${election.round} is not complete`,
      );

    let ballot: EncryptedBallot;
    try {
      ballot = ballotFromJson(request.body.ballot as BallotJson);
    } catch (error) {
      if (error instanceof BallotCryptoError) throw fail('ballot-malformed', error.message);
      throw error;
    }
    const shape = checkShape(manifestOf(ceremony), ballot);
    if (shape) throw fail('ballot-malformed', shape);
    if (request.body.ballot.voterBinding !== credential.voter_binding)
      throw fail('ballot-malformed', 'the ballot is not bound to your credential for this election');
    const hash = ballotHash(Uint8Array.from(Buffer.from(ceremony.baseHash, 'hex')), ballot);
    const code = trackingCode(hash);

    const box = await tx.$queryRaw<
      { recast: string; sitting_id: string | null }[]
    >`SELECT recast, sitting_id::text FROM ballot_boxes WHERE election_id = ${electionId}::uuid`;
    await assertPresentIfRequired(tx, electionId, caller.subject, box[0]?.sitting_id ?? null);
    const single = (box[0]?.recast ?? 'one') === 'one';
    const live = await tx.$queryRaw<{ ballot_hash: string; status: string }[]>`
      SELECT ballot_hash, status FROM ballots
      WHERE election_id = ${electionId}::uuid AND round = ${election.round} AND member_id = ${caller.subject}::uuid
        AND status IN ('received', 'accepted')`;
    if (single && live.length > 0)
      throw fail('ballot-already-cast', `${caller.subject} has a ballot ${live[0]!.status} in this round`);
    const hashHex = toHex(hash);
    const same = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM ballots WHERE election_id = ${electionId}::uuid AND ballot_hash = ${hashHex}`;
    if (same.length > 0) throw fail('ballot-already-cast', 'this very ballot was already cast');

    const id = randomUUID();
    const rows = await tx.$queryRaw<{ received_at: Date }[]>`
      INSERT INTO ballots (id, election_id, round, ceremony_id, member_id, content, ballot_hash, tracking_code, status, single)
      VALUES (${id}::uuid, ${electionId}::uuid, ${election.round}, ${ceremony.id}::uuid, ${caller.subject}::uuid,
              ${JSON.stringify(request.body.ballot)}::jsonb, ${hashHex}, ${code}, 'received', ${single})
      RETURNING received_at`;
    // On the public board in the same transaction: position, tracking code and hash chain, no member id.
    await appendToBoard(tx, {
      electionId,
      round: election.round,
      baseHash: ceremony.baseHash,
      ballotHash: hashHex,
      trackingCode: code,
    });
    const body: CastAnswer = {
      ballotId: id,
      trackingCode: code,
      status: 'received',
      receivedAt: rows[0]!.received_at.toISOString(),
    };
    await tx.$executeRaw`
      INSERT INTO ballot_idempotency_keys (key, request_hash, response_status, response_body)
      VALUES (${key}, ${request.requestHash}, 202, ${JSON.stringify(body)}::jsonb)`;
    return { status: 202, body, replayed: false };
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
