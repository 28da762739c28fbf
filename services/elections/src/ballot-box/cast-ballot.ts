import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import type { Caller, Tx } from './ceremony.js';
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
