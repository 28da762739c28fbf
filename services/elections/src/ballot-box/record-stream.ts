import type { ServiceDependencies } from '@konsey/service-kit';
import type { Response } from 'express';
import type { PrismaClient } from '../generated/prisma/client.js';
import {
  draftRecordHead,
  publishedRecordHead,
  recordEntry,
  type RecordBoardRow,
  type RecordHead,
} from './record.js';
import type { Caller } from './ceremony.js';

/**
 * The election record written as it is read: the head (everything but the board's entries) comes from
 * one short snapshot, then the board is read in pages by position (keyset) and each page is written
 * before the next is read, waiting for the client when the socket's buffer is full. Memory stays at
 * about one page (500 ballots, ~9 MB of JSON) whatever the size of the board, and the document is
 * byte for byte what `JSON.stringify(assembleElectionRecord(…))` gave.
 *
 * A decrypted round's board no longer changes, so the pages are read outside the head's transaction
 * (no transaction held open while a slow client downloads); each entry is checked against the head as it
 * passes (status known, chained on the previous entry) and the end against the board's summary (length,
 * counted entries, head hash). A problem found after the first byte cannot become a 4xx: the response is
 * destroyed (the client gets a truncated document, never a false one) and the failure is logged.
 */

export type { RecordBoardRow };

export interface RecordPageQuery {
  electionId: string;
  round: number;
  /** Entries after this position (-1: from the start), up to `last` included, at most `limit`. */
  after: number;
  last: number;
  limit: number;
}

/** Reads one page of the board with each entry's ballot and status, in position order. */
export type RecordPageFetcher = (prisma: PrismaClient, page: RecordPageQuery) => Promise<RecordBoardRow[]>;

export const fetchRecordPage: RecordPageFetcher = (prisma, { electionId, round, after, last, limit }) =>
  prisma.$queryRaw<RecordBoardRow[]>`
    SELECT e.position, e.ballot_hash, e.tracking_code, e.previous_hash, e.entry_hash, b.content, b.status
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.round = ${round}
      AND e.position > ${after} AND e.position <= ${last}
    ORDER BY e.position
    LIMIT ${limit}`;

export interface RecordStreamOptions {
  /** Board entries read per query (default 500). */
  pageSize?: number;
  fetchPage?: RecordPageFetcher;
  logger?: Pick<ServiceDependencies<unknown, unknown>['logger'], 'error'>;
}

/**
 * `JSON.stringify(value)` cut where the array at `path` (empty in `value`) is: what comes before its
 * elements and what comes after, so the elements can be written in between.
 */
export function jsonAround(value: object, path: readonly string[]): [string, string] {
  const [key, ...rest] = path;
  const fields = Object.entries(value).filter(([, v]) => v !== undefined);
  const at = fields.findIndex(([k]) => k === key);
  if (at < 0) throw new Error(`no field ${key} to write the array in`);
  const [inBefore, inAfter] = rest.length > 0 ? jsonAround(fields[at]![1] as object, rest) : ['[', ']'];
  const field = ([k, v]: [string, unknown]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`;
  const before = [...fields.slice(0, at).map(field), `${JSON.stringify(key)}:${inBefore}`].join(',');
  const after = fields
    .slice(at + 1)
    .map((f) => `,${field(f)}`)
    .join('');
  return [`{${before}`, `${inAfter}${after}}`];
}

class ClientGone extends Error {}

/**
 * Writes `before`, the board's entries and `after` to `res` (the head was read, nothing is sent yet):
 * never throws once it has started writing; a failure cuts the response and is logged.
 */
export async function streamRecordDocument(
  prisma: PrismaClient,
  res: Response,
  head: RecordHead,
  [before, after]: [string, string],
  options: RecordStreamOptions,
): Promise<void> {
  const pageSize = options.pageSize ?? 500;
  const fetchPage = options.fetchPage ?? fetchRecordPage;
  const { electionId, round, board } = head;
  let closed = false;
  res.once('close', () => (closed = true));
  const write = async (chunk: string) => {
    if (closed) throw new ClientGone();
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };

  res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
  let written = 0;
  try {
    await write(before);
    let position = -1;
    let counted = 0;
    let previous: string | null = null;
    while (written < board.length) {
      const rows = await fetchPage(prisma, {
        electionId,
        round,
        after: position,
        last: board.last,
        limit: pageSize,
      });
      if (rows.length === 0) throw new Error(`the board ended after ${written} of ${board.length} entries`);
      const entries: string[] = [];
      for (const row of rows) {
        if (previous !== null && row.previous_hash !== previous)
          throw new Error(`the entry at position ${row.position} is not chained on the one before`);
        const entry = recordEntry(row);
        if (entry.status === undefined) counted++;
        entries.push(JSON.stringify(entry));
        previous = row.entry_hash;
        position = row.position;
      }
      await write(`${written > 0 ? ',' : ''}${entries.join(',')}`);
      written += rows.length;
    }
    if (written !== board.length || counted !== board.counted || previous !== board.head)
      throw new Error(
        `the board read (${written} entries, ${counted} counted, head ${previous}) is not the one signed ` +
          `(${board.length}, ${board.counted}, ${board.head})`,
      );
    await write(after);
    res.end();
  } catch (error) {
    if (error instanceof ClientGone || closed) return; // the client went away: nothing to answer
    res.destroy();
    options.logger?.error(
      { err: error, electionId, round, entriesWritten: written, entries: board.length },
      'ballot record stream failed midway: response cut',
    );
  }
}

/**
 * `GET …/rounds/:round/ballot-record`: 409/404 as problems before anything is written (the head is read
 * first), then the record streamed to `res`. The route answers `{ status: 200 }` without a body after.
 */
export async function streamPublishedRecord(
  prisma: PrismaClient,
  res: Response,
  electionId: string,
  round: number,
  options: RecordStreamOptions = {},
): Promise<void> {
  const head = await publishedRecordHead(prisma, electionId, round);
  await streamRecordDocument(prisma, res, head, jsonAround(head.document, ['board']), options);
}

/** `GET …/ballot-record/draft`: `{ threshold, signedBy, record }`, the record streamed inside. */
export async function streamDraftRecord(
  prisma: PrismaClient,
  res: Response,
  electionId: string,
  round: number,
  caller: Caller,
  options: RecordStreamOptions = {},
): Promise<void> {
  const { threshold, signedBy, head } = await draftRecordHead(prisma, electionId, round, caller);
  const around = jsonAround({ threshold, signedBy, record: head.document }, ['record', 'board']);
  await streamRecordDocument(prisma, res, head, around, options);
}
