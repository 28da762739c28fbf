import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import { ElectionSettings } from '../../domain/election-settings.js';
import { refuse } from '../app/election-refusal.js';

export type Tx = Prisma.TransactionClient;
export type ElectionRow = NonNullable<Awaited<ReturnType<Tx['election']['findUnique']>>>;
export type RoundRow = NonNullable<Awaited<ReturnType<Tx['electionRound']['findUnique']>>>;

/** Load an election and lock its row for the rest of the transaction, so changes to it queue up. */
export async function lockElection(tx: Tx, electionId: string): Promise<ElectionRow> {
  await tx.$queryRawUnsafe('SELECT 1 FROM "elections" WHERE "id" = $1::uuid FOR UPDATE', electionId);
  return findElection(tx, electionId);
}

export async function findElection(tx: Tx, electionId: string): Promise<ElectionRow> {
  const row = await tx.election.findUnique({ where: { id: electionId } });
  if (!row) throw refuse('not-found', `${electionId} kimlikli seçim yok`, `no election ${electionId}`);
  return row;
}

/** The settings as stored (already parsed by the domain's schema when the election was created). */
export function settingsOf(row: ElectionRow): ElectionSettings {
  return ElectionSettings.parse(row.settings);
}

export async function committeeOf(tx: Tx, electionId: string): Promise<string[]> {
  const rows = await tx.electionCommitteeMember.findMany({
    where: { electionId },
    orderBy: { memberId: 'asc' },
  });
  return rows.map((row) => row.memberId);
}

export interface AuditEntry {
  electionId: string;
  actor: string;
  action: string;
  from?: string;
  to?: string;
  round?: number;
  reason?: string;
  details?: Prisma.InputJsonValue;
  at?: Date;
}

/** One line of the audit trail: who, when, what, from which state to which, and why. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.electionAudit.create({
    data: {
      id: randomUUID(),
      electionId: entry.electionId,
      actor: entry.actor,
      action: entry.action,
      fromStatus: entry.from ?? null,
      toStatus: entry.to ?? null,
      round: entry.round ?? null,
      reason: entry.reason ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}

export async function currentRound(tx: Tx, row: ElectionRow): Promise<RoundRow | null> {
  return tx.electionRound.findUnique({
    where: { electionId_round: { electionId: row.id, round: row.round } },
  });
}
