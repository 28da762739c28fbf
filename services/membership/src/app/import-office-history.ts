import { AppError, publishEvent } from '@konsey/service-kit';
import { parse } from 'csv-parse/sync';
import { existingIds, insertOfficeRecord } from '../data/office-repository.js';
import { recordAudit } from '../data/member-repository.js';
import {
  OFFICE_HISTORY_COLUMNS,
  REQUIRED_OFFICE_HISTORY_COLUMNS,
  validateOfficeHistoryRows,
  type OfficeHistoryRow,
  type RowProblem,
} from '../domain/office-history-row.js';
import type { MembershipPrisma } from '../membership-prisma.js';

function readCsv(csv: string): { header: string[]; rows: Record<string, string>[] } {
  try {
    const records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as string[][];
    const [header = [], ...body] = records;
    return {
      header,
      rows: body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))),
    };
  } catch (error) {
    throw new AppError('import-rejected', {
      detail: 'the file is not valid CSV',
      errors: [{ field: 'body', code: 'csv', message: (error as Error).message }],
    });
  }
}

function headerProblems(header: readonly string[]): RowProblem[] {
  const missing = REQUIRED_OFFICE_HISTORY_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !OFFICE_HISTORY_COLUMNS.includes(column));
  return [
    ...missing.map((column) => ({ line: 1, field: column, message: 'column missing from the header' })),
    ...unknown.map((column) => ({ line: 1, field: column, message: 'unknown column' })),
  ];
}

async function referenceProblems(
  prisma: MembershipPrisma,
  rows: readonly OfficeHistoryRow[],
  lines: readonly number[],
) {
  const members = await existingIds(prisma, 'members', [...new Set(rows.map((row) => row.member_id))]);
  const bodies = await existingIds(prisma, 'bodies', [...new Set(rows.map((row) => row.body_id))]);
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const line = lines[index]!;
    if (!members.has(row.member_id))
      problems.push({ line, field: 'member_id', message: 'no member with this id' });
    if (!bodies.has(row.body_id)) problems.push({ line, field: 'body_id', message: 'no body with this id' });
    const key = `${row.member_id}|${row.body_id}|${row.office}|${row.from}`;
    if (seen.has(key))
      problems.push({ line, field: 'from', message: 'the same office is listed twice from this day' });
    seen.add(key);
  });
  return problems;
}

/**
 * Import the offices held before the system existed, all or nothing: every row is checked first, and
 * a report names each bad row and field; only a clean file is written, in one transaction.
 */
export async function importOfficeHistory(options: {
  prisma: MembershipPrisma;
  actor: string;
  csv: string;
}): Promise<{ imported: number }> {
  const { header, rows } = readCsv(options.csv);
  const problems = headerProblems(header);
  if (rows.length === 0) problems.push({ line: 2, field: '(file)', message: 'no rows to import' });
  const { valid, problems: rowProblems } = problems.length
    ? { valid: [], problems: [] }
    : validateOfficeHistoryRows(rows);
  problems.push(...rowProblems);
  if (!problems.length) {
    const lines = valid.map((_, index) => index + 2);
    problems.push(...(await referenceProblems(options.prisma, valid, lines)));
  }
  if (problems.length) {
    throw new AppError('import-rejected', {
      detail: `${problems.length} problem(s); nothing was imported`,
      errors: problems.map((problem) => ({
        field: `line ${problem.line}: ${problem.field}`,
        code: 'invalid',
        message: problem.message,
      })),
    });
  }
  await options.prisma.$transaction(
    async (tx) => {
      for (const row of valid) {
        const record = {
          memberId: row.member_id,
          bodyId: row.body_id,
          office: row.office,
          seat: row.seat,
          periodStart: row.period_start,
          term: row.term as 1 | 2,
          from: row.from,
          to: row.to,
          endedOn: row.ended_on,
          endReason: row.end_reason,
          source: 'import' as const,
        };
        const officeRecordId = await insertOfficeRecord(tx, record);
        await publishEvent(tx, {
          type: 'membership.office.assumed',
          data: {
            officeRecordId,
            memberId: row.member_id,
            office: row.office,
            bodyId: row.body_id,
            seat: row.seat,
            periodStart: row.period_start,
            term: record.term,
            from: row.from,
            ...(row.to ? { to: row.to } : {}),
          },
        });
        if (row.ended_on && row.end_reason) {
          await publishEvent(tx, {
            type: 'membership.office.ended',
            data: { officeRecordId, memberId: row.member_id, endedOn: row.ended_on, reason: row.end_reason },
          });
        }
      }
      await recordAudit(tx, {
        actor: options.actor,
        action: 'offices.imported',
        subjectId: '00000000-0000-0000-0000-000000000000',
        details: { rows: valid.length },
      });
    },
    { timeout: 60_000 },
  );
  return { imported: valid.length };
}
