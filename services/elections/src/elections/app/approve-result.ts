import { publishEvent } from '@konsey/service-kit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { lockElection, recordAudit } from '../data/election-repository.js';
import { assertOnCommittee, type Caller } from './caller.js';
import type { ElectedPlace } from './decide-round.js';
import { refuse } from './election-refusal.js';
import { applyTransition } from './transition-election.js';

/** The sentence a committee member approves; its SHA-256 names the result. */
export function approvalStatement(electionId: string, memberId: string, hash: string): string {
  return `${memberId} seçim kurulu üyesi olarak ${electionId} seçiminin SHA-256 özeti ${hash} olan sonucunu onaylıyorum. / As a member of the election committee, ${memberId} approves the result of election ${electionId} whose SHA-256 hash is ${hash}.`;
}

/**
 * A committee member approves the result by stating its SHA-256 hash. For now the approval is that
 * statement bound to the member's authenticated request (their verified token's subject and id); a
 * cryptographic signature with the committee's keys arrives with the ballot box. With k of the n
 * members' approvals the election is certified, the result becomes final, and
 * `elections.result.certified` is published once. A result with nobody elected (every seat vacant) is
 * certified without that event, whose contract needs an elected member; a rerun is a new election.
 */
export async function approveResult(
  prisma: PrismaClient,
  options: { electionId: string; caller: Caller; resultHash: string; now: Date },
) {
  const { caller } = options;
  return prisma.$transaction(async (tx) => {
    const election = await lockElection(tx, options.electionId);
    await assertOnCommittee(tx, election, caller);
    applyTransition(election, { type: 'certify' });
    const result = await tx.electionResult.findUnique({ where: { electionId: election.id } });
    if (!result)
      throw refuse(
        'election-no-final-result',
        'Son sayım nihai bir sonuç vermedi',
        'The last count gave no final result',
      );
    if (result.hash !== options.resultHash)
      throw refuse(
        'election-result-hash-mismatch',
        `Kayıtlı sonucun özeti ${result.hash}`,
        `The stored result's hash is ${result.hash}`,
        [
          {
            field: 'body.resultHash',
            code: 'mismatch',
            reason: { tr: 'Özet uyuşmuyor', en: 'Hash does not match' },
          },
        ],
      );
    const existing = await tx.electionApproval.findUnique({
      where: { electionId_memberId: { electionId: election.id, memberId: caller.subject } },
    });
    if (existing)
      throw refuse(
        'election-already-approved',
        `${caller.subject} sonucu ${existing.approvedAt.toISOString()} tarihinde onayladı`,
        `${caller.subject} approved the result at ${existing.approvedAt.toISOString()}`,
      );
    await tx.electionApproval.create({
      data: {
        electionId: election.id,
        memberId: caller.subject,
        resultHash: result.hash,
        statement: approvalStatement(election.id, caller.subject, result.hash),
        tokenId: caller.tokenId ?? null,
        approvedAt: options.now,
      },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: caller.subject,
      action: 'result-approved',
      round: election.round,
      details: { resultSha256: result.hash, tokenId: caller.tokenId ?? null },
      at: options.now,
    });
    const approvals = await tx.electionApproval.count({ where: { electionId: election.id } });
    if (approvals < election.committeeThreshold)
      return { approvals, threshold: election.committeeThreshold, certified: false, certifiedAt: null };

    const next = applyTransition(election, { type: 'certify' });
    const content = result.content as unknown as { elected: ElectedPlace[] };
    const nobodyElected = content.elected.length === 0;
    await tx.election.update({
      where: { id: election.id },
      data: { status: next.status, certifiedAt: options.now },
    });
    await recordAudit(tx, {
      electionId: election.id,
      actor: caller.subject,
      action: 'certify',
      from: election.status,
      to: next.status,
      round: election.round,
      reason: nobodyElected
        ? `${approvals}/${election.committeeThreshold} onay; kimse seçilmedi, bütün yerler boş: elections.result.certified yayımlanmadı, yeniden seçim yeni bir seçimdir`
        : `${approvals}/${election.committeeThreshold} onay`,
      ...(nobodyElected ? { details: { nobodyElected: true, resultEventPublished: false } } : {}),
      at: options.now,
    });
    // The contract's event names at least one elected member: a result with nobody elected is certified
    // (every seat vacant, said so in the record and the minutes) without it.
    if (!nobodyElected)
      await publishEvent(tx, {
        type: 'elections.result.certified',
        data: {
          electionId: election.id,
          office: election.office as 'president',
          bodyId: election.bodyId,
          periodStart: election.periodStart,
          term: election.term === 2 ? 2 : 1,
          termStart: election.termStart.toISOString().slice(0, 10),
          termEnd: election.termEnd.toISOString().slice(0, 10),
          certifiedAt: options.now.toISOString(),
          elected: content.elected.map((place) => ({
            memberId: place.memberId,
            seat: place.seat,
            rank: place.rank,
          })),
        },
      });
    return {
      approvals,
      threshold: election.committeeThreshold,
      certified: true,
      certifiedAt: options.now.toISOString(),
      nobodyElected,
    };
  });
}
