import type { PrismaClient } from '../../generated/prisma/client.js';
import { lockElection, recordAudit } from '../data/election-repository.js';
import { isStaff, type Caller } from './caller.js';
import { refuse } from './election-refusal.js';
import { candidacyView, type CandidacyView } from './nominate-candidate.js';

const BEFORE_VOTING = new Set(['announced', 'candidacy-open', 'candidacy-closed', 'roll-frozen']);

/** A candidate (or staff for them) withdraws, at any time before voting opens. */
export async function withdrawCandidacy(
  prisma: PrismaClient,
  options: { electionId: string; memberId: string; caller: Caller; reason?: string | undefined; now: Date },
): Promise<CandidacyView> {
  const { caller } = options;
  return prisma.$transaction(async (tx) => {
    const election = await lockElection(tx, options.electionId);
    if (!isStaff(caller) && caller.subject !== options.memberId)
      throw refuse(
        'candidacy-not-own',
        'Yalnızca aday kendi adaylığını geri çekebilir',
        'Only the candidate may withdraw',
      );
    const candidacy = await tx.electionCandidacy.findUnique({
      where: { electionId_memberId: { electionId: election.id, memberId: options.memberId } },
    });
    if (!candidacy || candidacy.status !== 'standing')
      throw refuse(
        'not-found',
        'Geri çekilecek bir adaylık yok',
        'There is no standing candidacy to withdraw',
      );
    if (!BEFORE_VOTING.has(election.status))
      throw refuse(
        'candidacy-withdrawal-closed',
        `Seçim "${election.status}" durumunda; adaylık ancak oylama açılmadan geri çekilebilir`,
        `The election is ${election.status}; a candidacy can be withdrawn only before voting opens`,
      );
    const row = await tx.electionCandidacy.update({
      where: { id: candidacy.id },
      data: { status: 'withdrawn', withdrawnAt: options.now },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: caller.subject,
      action: 'candidacy-withdrawn',
      ...(options.reason ? { reason: options.reason } : {}),
      details: { memberId: options.memberId },
      at: options.now,
    });
    return candidacyView(row);
  });
}
