import { fromHex, toBase64url } from '@konsey/ballot-crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';

/** A tracking code as ballot-crypto writes it (Crockford base32, `XXXX-XXXX-XXXX`). */
export const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export type BoardStatus = 'received' | 'accepted' | 'refused' | 'superseded';

/**
 * One public board entry: position, tracking code, the ballot's hash and the chain hashes (unpadded
 * base64url, as in the election record), and the ballot's current status. No member id, no time.
 */
export interface PublicBoardEntry {
  position: number;
  trackingCode: string;
  ballotHash: string;
  previousHash: string;
  entryHash: string;
  status: BoardStatus;
}

export interface BoardHead {
  round: number;
  /** The ceremony's base hash: the chain's `previousHash` of position 0. */
  baseHash: string | null;
  length: number;
  /** Hash of the last entry (the base hash while empty), base64url. */
  head: string | null;
}

const b64 = (hex: string) => toBase64url(fromHex(hex));

/** The election's round to show: the one asked for, else the election's current round (404 if no election). */
export async function boardRound(prisma: PrismaClient, electionId: string, round?: number): Promise<number> {
  const election = await prisma.election.findUnique({ where: { id: electionId }, select: { round: true } });
  if (!election) throw fail('not-found', `no election ${electionId}`);
  return round ?? election.round;
}

export async function boardHead(prisma: PrismaClient, electionId: string, round: number): Promise<BoardHead> {
  const head = await prisma.ballotBoardHead.findUnique({
    where: { electionId_round: { electionId, round } },
  });
  return head
    ? { round, baseHash: b64(head.baseHash), length: head.length, head: b64(head.headHash) }
    : { round, baseHash: null, length: 0, head: null };
}

type EntryRow = {
  position: number;
  tracking_code: string;
  ballot_hash: string;
  previous_hash: string;
  entry_hash: string;
  status: BoardStatus;
};

const publicEntry = (row: EntryRow): PublicBoardEntry => ({
  position: row.position,
  trackingCode: row.tracking_code,
  ballotHash: b64(row.ballot_hash),
  previousHash: b64(row.previous_hash),
  entryHash: b64(row.entry_hash),
  status: row.status,
});

/** Entries after `after` (exclusive; -1 for the start), below `below`, in position order. */
export async function boardEntries(
  prisma: PrismaClient,
  electionId: string,
  round: number,
  after: number,
  limit: number,
  below = 2 ** 31 - 1,
): Promise<PublicBoardEntry[]> {
  const rows = await prisma.$queryRaw<EntryRow[]>`
    SELECT e.position, e.tracking_code, e.ballot_hash, e.previous_hash, e.entry_hash, b.status
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.round = ${round} AND e.position > ${after} AND e.position < ${below}
    ORDER BY e.position
    LIMIT ${limit}`;
  return rows.map(publicEntry);
}

/**
 * A page of the public board. The head is read first and the page stops below its length, so a page
 * never shows an entry the head does not commit to.
 */
export async function boardPage(
  prisma: PrismaClient,
  electionId: string,
  query: { round?: number; after?: number; limit: number },
) {
  const round = await boardRound(prisma, electionId, query.round);
  const head = await boardHead(prisma, electionId, round);
  const after = query.after ?? -1;
  const entries = await boardEntries(prisma, electionId, round, after, query.limit, head.length);
  const last = entries.at(-1)?.position;
  return {
    electionId,
    ...head,
    entries,
    next:
      last !== undefined && last < head.length - 1
        ? `/v1/elections/${electionId}/board?round=${round}&after=${last}&limit=${query.limit}`
        : null,
  };
}

/** A voter's lookup by tracking code: the round, position and status of that entry, nothing else. */
export async function boardLookup(prisma: PrismaClient, electionId: string, code: string) {
  const trackingCode = code.toUpperCase();
  if (!TRACKING_CODE.test(trackingCode))
    throw fail('not-found', `no ballot with tracking code ${code} on this board`);
  const rows = await prisma.$queryRaw<{ round: number; position: number; status: BoardStatus }[]>`
    SELECT e.round, e.position, b.status
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.tracking_code = ${trackingCode}
    ORDER BY e.round DESC, e.position`;
  if (rows.length === 0) {
    // Cast a moment ago: stored, not yet on the board (the sequencer appends it shortly).
    const waiting = await prisma.$queryRaw<{ round: number; status: BoardStatus }[]>`
      SELECT b.round, b.status FROM ballots b JOIN ballot_board_queue q ON q.ballot_id = b.id
      WHERE b.election_id = ${electionId}::uuid AND b.tracking_code = ${trackingCode}
      ORDER BY b.round DESC LIMIT 1`;
    if (waiting[0])
      return { trackingCode, round: waiting[0].round, position: null, status: waiting[0].status };
    throw fail('not-found', `no ballot with tracking code ${trackingCode} on this board`);
  }
  const [row] = rows;
  return { trackingCode, round: row!.round, position: row!.position, status: row!.status };
}
