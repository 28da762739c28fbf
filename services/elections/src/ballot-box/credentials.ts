import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import { assertPresentIfRequired } from './presence.js';
import { electionFacts, UUID, type Caller, type Tx } from './ceremony.js';

export interface CredentialView {
  electionId: string;
  memberId: string;
  /** Pass as `voterBinding` to ballot-crypto's `encryptBallot`. */
  voterBinding: string;
  issuedAt: string;
}

/**
 * A voter's ballot credential for the election: a binding derived from the election id and a random
 * nonce (never the member id itself), issued once per member of the frozen roll (checked in at the
 * sitting, when voting is in person) and bound into every
 * ballot proof, so a ballot cannot be replayed under another voter or election.
 */
export async function issueCredential(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
): Promise<{ created: boolean; credential: CredentialView }> {
  return prisma.$transaction(async (tx) => {
    const election = await electionFacts(tx, electionId);
    if (!['roll-frozen', 'voting-open'].includes(election.status))
      throw fail(
        'ballot-box-election-state',
        `credentials are issued once the roll is frozen and while voting is open (election is ${election.status})`,
      );
    await assertOnRoll(tx, electionId, caller.subject);
    await assertPresentIfRequired(tx, electionId, caller.subject);
    const voterBinding = createHash('sha256')
      .update(`konsey/ballot-box/v1/voter-binding\0${electionId}\0`)
      .update(randomBytes(32))
      .digest('base64url');
    const inserted = await tx.$executeRaw`
      INSERT INTO ballot_credentials (election_id, member_id, voter_binding)
      VALUES (${electionId}::uuid, ${caller.subject}::uuid, ${voterBinding})
      ON CONFLICT (election_id, member_id) DO NOTHING`;
    const row = await tx.ballotCredential.findUniqueOrThrow({
      where: { electionId_memberId: { electionId, memberId: caller.subject } },
    });
    return {
      created: inserted === 1,
      credential: {
        electionId,
        memberId: row.memberId,
        voterBinding: row.voterBinding,
        issuedAt: row.issuedAt.toISOString(),
      },
    };
  });
}

export async function assertOnRoll(tx: Tx, electionId: string, memberId: string): Promise<void> {
  const onRoll =
    UUID.test(memberId) &&
    (await tx.electionRollEntry.findUnique({ where: { electionId_memberId: { electionId, memberId } } }));
  if (!onRoll)
    throw fail('voter-not-on-roll', `${memberId} is not on the frozen roll of election ${electionId}`);
}
