import {
  assembleElectionRecord,
  BallotCryptoError,
  fromHex,
  InvalidInputError,
  resultHash,
  toBase64url,
  verifySignature,
  type BallotJson,
  type BoardEntryJson,
  type ElectionRecordJson,
  type ElectionRecordParts,
  type MemberSignature,
} from '@konsey/ballot-crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import {
  assertCommittee,
  contextFromRows,
  participantsOf,
  type Caller,
  type CeremonyRow,
  type Tx,
} from './ceremony.js';
import { partialFromWire, tallyFromWire, type PartialDecryptionJson, type SumsJson } from './tally-wire.js';
import {
  announcementFromWire,
  signatureFromWire,
  signatureToWire,
  type AnnouncementJson,
  type SignatureJson,
} from './wire.js';

/**
 * The public election record of a decrypted round (ballot-crypto's format v1): the ceremony, the whole
 * board with each ballot's status, the encrypted sum, the partial decryptions, the totals and the
 * committee's signatures over the result hash. Published once k members have signed; until then the
 * committee reads it as a draft, checks it and signs.
 *
 * The board is not loaded here: a round's head (everything but the board's entries, with the board's
 * length, counted entries and head hash) is read in one short snapshot, and `record-stream.ts` writes
 * the document with the board read page by page in between.
 */

/** What the record needs of the whole board, without its ballots. */
export interface BoardSummary {
  /** Number of entries, and the last position (-1 while empty). */
  length: number;
  last: number;
  /** Entries whose ballot was accepted (counted, no status in the record). */
  counted: number;
  /** Hash of the last entry (hex), null while empty. */
  head: string | null;
}

/** Everything of a round's record but the board's entries, and the result hash it gives. */
export interface RecordHead {
  electionId: string;
  round: number;
  board: BoardSummary;
  /** The record with an empty `board` array, and the fields computed from the whole board already set. */
  document: ElectionRecordJson;
}

/** A board entry as read with its ballot and the ballot's status. */
export interface RecordBoardRow {
  position: number;
  ballot_hash: string;
  tracking_code: string;
  previous_hash: string;
  entry_hash: string;
  content: BallotJson;
  status: string;
}

const STATUS: Record<string, BoardEntryJson['status'] | undefined> = {
  accepted: undefined,
  refused: 'refused',
  superseded: 'superseded',
};
const b64 = (hex: string) => toBase64url(fromHex(hex));

/** The record's form of a board entry, keys in ballot-crypto's `boardEntryToJson` order. */
export function recordEntry(row: RecordBoardRow): BoardEntryJson {
  if (!Object.hasOwn(STATUS, row.status))
    throw new Error(`the ballot at position ${row.position} is ${row.status}, not verified`);
  const status = STATUS[row.status];
  return {
    position: row.position,
    ...(status ? { status } : {}),
    ballot: row.content,
    ballotHash: b64(row.ballot_hash),
    trackingCode: row.tracking_code,
    previousHash: b64(row.previous_hash),
    entryHash: b64(row.entry_hash),
  };
}

type HeadParts = Omit<ElectionRecordParts, 'signatures' | 'board'>;

async function boardSummary(tx: Tx, electionId: string, round: number): Promise<BoardSummary> {
  const [summary] = await tx.$queryRaw<
    { length: number; last: number | null; counted: number; unverified: number | null }[]
  >`
    SELECT count(*)::int AS length, max(e.position) AS last,
           count(*) FILTER (WHERE b.status = 'accepted')::int AS counted,
           min(e.position) FILTER (WHERE b.status NOT IN ('accepted', 'refused', 'superseded')) AS unverified
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.round = ${round}`;
  if (summary!.unverified !== null)
    throw fail(
      'ballot-record-not-ready',
      `the ballot at position ${summary!.unverified} is not verified yet`,
    );
  const [last] = await tx.$queryRaw<{ entry_hash: string }[]>`
    SELECT e.entry_hash
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.round = ${round}
    ORDER BY e.position DESC
    LIMIT 1`;
  return {
    length: summary!.length,
    last: summary!.last ?? -1,
    counted: summary!.counted,
    head: last?.entry_hash ?? null,
  };
}

async function roundParts(tx: Tx, electionId: string, round: number) {
  const result = await tx.ballotResult.findUnique({ where: { electionId_round: { electionId, round } } });
  if (!result) {
    if (!(await tx.election.findUnique({ where: { id: electionId }, select: { id: true } })))
      throw fail('not-found', `no election ${electionId}`);
    throw fail('ballot-record-not-ready', `round ${round} of election ${electionId} is not decrypted yet`);
  }
  const ceremony = await tx.ballotCeremony.findUniqueOrThrow({ where: { id: result.ceremonyId } });
  const [announcementRows, board, tally, partialRows] = await Promise.all([
    tx.ballotCeremonyAnnouncement.findMany({
      where: { ceremonyId: ceremony.id },
      orderBy: { memberIndex: 'asc' },
    }),
    boardSummary(tx, electionId, round),
    tx.ballotTally.findUniqueOrThrow({ where: { electionId_round: { electionId, round } } }),
    tx.ballotPartialDecryption.findMany({ where: { electionId, round }, orderBy: { memberIndex: 'asc' } }),
  ]);
  const announcements = announcementRows.map((a) => a.announcement as AnnouncementJson);
  const parts: HeadParts = {
    context: contextFromRows(ceremony, announcements),
    announcements: announcements.map(announcementFromWire),
    aggregate: tallyFromWire(tally.sums as SumsJson),
    partials: partialRows.map((p) => partialFromWire(p.partial as PartialDecryptionJson)),
    totals: result.totals as number[][],
  };
  return { parts, board, ceremony };
}

/** ballot-crypto's `recordResultHash`, from the board's summary instead of the whole board. */
function resultHashOf(parts: HeadParts, board: BoardSummary): Uint8Array {
  const { baseHash } = parts.context;
  return resultHash(
    baseHash,
    board.head === null ? baseHash : fromHex(board.head),
    board.counted,
    parts.totals,
  );
}

async function storedSignatures(tx: Tx, electionId: string, round: number) {
  const rows = await tx.ballotResultSignature.findMany({
    where: { electionId, round },
    orderBy: { memberIndex: 'asc' },
  });
  return rows.map((row) => ({
    memberIndex: row.memberIndex,
    memberId: row.memberId,
    signature: signatureFromWire(row.signature as SignatureJson, `signatures[${row.memberIndex}]`),
  }));
}

/**
 * `assembleElectionRecord` without the board's entries: its document for an empty board, with the
 * fields it computes over the whole board (board head, ballot count, result hash) taken from the
 * summary, and the signatures checked against that result hash as it checks them.
 */
function headDocument(parts: HeadParts, board: BoardSummary, signatures: readonly MemberSignature[]) {
  const rh = resultHashOf(parts, board);
  for (const { memberIndex, signature } of signatures) {
    const member = parts.announcements.find((a) => a.index === memberIndex);
    if (!member) throw new InvalidInputError(`signature from unknown member ${memberIndex}`);
    if (!verifySignature(member.authPublicKey, rh, signature))
      throw new InvalidInputError(`the signature of member ${memberIndex} is not over this result`);
  }
  const empty = assembleElectionRecord({ ...parts, board: [], signatures: [] });
  const document: ElectionRecordJson = {
    ...empty,
    boardHead: board.head === null ? empty.boardHead : b64(board.head),
    tally: { ...empty.tally, ballotCount: board.counted },
    resultHash: toBase64url(rh),
    signatures: signatures.map((s) => ({
      memberIndex: s.memberIndex,
      signature: signatureToWire(s.signature),
    })),
  };
  return document;
}

const readOnly = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 };

/** The published record's head: 409 until k committee members have signed the round's result. */
export async function publishedRecordHead(
  prisma: PrismaClient,
  electionId: string,
  round: number,
): Promise<RecordHead> {
  return prisma.$transaction(async (tx) => {
    const { parts, board, ceremony } = await roundParts(tx, electionId, round);
    const signatures = await storedSignatures(tx, electionId, round);
    if (signatures.length < ceremony.threshold)
      throw fail(
        'ballot-record-not-ready',
        `${signatures.length} of ${ceremony.threshold} committee signatures on round ${round}'s result`,
      );
    return { electionId, round, board, document: headDocument(parts, board, signatures) };
  }, readOnly);
}

/** The draft's head: the record as it stands, with the signatures so far (what a member checks before signing). */
export async function draftRecordHead(
  prisma: PrismaClient,
  electionId: string,
  round: number,
  caller: Caller,
) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const { parts, board, ceremony } = await roundParts(tx, electionId, round);
    const signatures = await storedSignatures(tx, electionId, round);
    return {
      threshold: ceremony.threshold,
      signedBy: signatures.map((s) => ({ index: s.memberIndex, memberId: s.memberId })),
      head: { electionId, round, board, document: headDocument(parts, board, signatures) } as RecordHead,
    };
  }, readOnly);
}

/**
 * The whole record assembled in memory by ballot-crypto (`assembleElectionRecord` over every board entry
 * with its ballot, ~17 KB each): what the routes served before they streamed, kept as the reference the
 * streamed document is tested against. Not for a large board (about 10 MB per 1,000 ballots).
 */
async function wholeBoard(tx: Tx, electionId: string, round: number): Promise<BoardEntryJson[]> {
  const rows = await tx.$queryRaw<RecordBoardRow[]>`
    SELECT e.position, e.ballot_hash, e.tracking_code, e.previous_hash, e.entry_hash, b.content, b.status
    FROM ballot_board_entries e
    JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
    WHERE e.election_id = ${electionId}::uuid AND e.round = ${round}
    ORDER BY e.position`;
  return rows.map(recordEntry);
}

/** In memory (see `wholeBoard`): the published record, 409 until k committee members have signed. */
export async function publishedRecord(
  prisma: PrismaClient,
  electionId: string,
  round: number,
): Promise<ElectionRecordJson> {
  return prisma.$transaction(async (tx) => {
    const { parts, ceremony } = await roundParts(tx, electionId, round);
    const signatures = await storedSignatures(tx, electionId, round);
    if (signatures.length < ceremony.threshold)
      throw fail(
        'ballot-record-not-ready',
        `${signatures.length} of ${ceremony.threshold} committee signatures on round ${round}'s result`,
      );
    return assembleElectionRecord({ ...parts, board: await wholeBoard(tx, electionId, round), signatures });
  }, readOnly);
}

/** In memory (see `wholeBoard`): the draft, `{ threshold, signedBy, record }`. */
export async function draftRecord(prisma: PrismaClient, electionId: string, round: number, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const { parts, ceremony } = await roundParts(tx, electionId, round);
    const signatures = await storedSignatures(tx, electionId, round);
    return {
      threshold: ceremony.threshold,
      signedBy: signatures.map((s) => ({ index: s.memberIndex, memberId: s.memberId })),
      record: assembleElectionRecord({
        ...parts,
        board: await wholeBoard(tx, electionId, round),
        signatures,
      }),
    };
  }, readOnly);
}

const memberIndexOf = (ceremony: CeremonyRow, caller: Caller) => {
  const index = participantsOf(ceremony).indexOf(caller.subject) + 1;
  if (index === 0)
    throw fail(
      'ballot-ceremony-not-participant',
      `${caller.subject} holds no key of round ${ceremony.round}'s ceremony`,
    );
  return index;
};

/**
 * A committee member signs the round's result hash with the long-term key they announced in the
 * ceremony. The signature is checked before it is stored (one per member); the k-th publishes the record.
 */
export async function signResult(
  prisma: PrismaClient,
  electionId: string,
  round: number,
  caller: Caller,
  body: { signature: SignatureJson },
) {
  return prisma.$transaction(
    async (tx) => {
      await assertCommittee(tx, electionId, caller);
      const { parts, board, ceremony } = await roundParts(tx, electionId, round);
      const memberIndex = memberIndexOf(ceremony, caller);
      if (
        await tx.ballotResultSignature.findUnique({
          where: { electionId_round_memberIndex: { electionId, round, memberIndex } },
        })
      )
        throw fail(
          'ballot-signature-exists',
          `committee member ${caller.subject} already signed round ${round}'s result`,
        );
      const rh = resultHashOf(parts, board);
      const member = parts.announcements.find((a) => a.index === memberIndex)!;
      let valid: boolean;
      try {
        valid = verifySignature(member.authPublicKey, rh, signatureFromWire(body.signature, 'signature'));
      } catch (error) {
        if (!(error instanceof BallotCryptoError)) throw error;
        valid = false;
      }
      if (!valid)
        throw fail(
          'ballot-signature-invalid',
          `the signature of committee member ${caller.subject} (index ${memberIndex}) is not over result hash ${toBase64url(rh)}`,
        );
      await tx.ballotResultSignature.create({
        data: {
          electionId,
          round,
          memberIndex,
          memberId: caller.subject,
          resultHash: toBase64url(rh),
          signature: body.signature,
        },
      });
      const signatures = await tx.ballotResultSignature.count({ where: { electionId, round } });
      return {
        electionId,
        round,
        memberIndex,
        resultHash: toBase64url(rh),
        signatures,
        threshold: ceremony.threshold,
        published: signatures >= ceremony.threshold,
      };
    },
    { timeout: 60_000 },
  );
}
