import {
  assembleElectionRecord,
  BallotCryptoError,
  fromHex,
  recordResultHash,
  toBase64url,
  verifySignature,
  type BallotJson,
  type BoardEntryJson,
  type ElectionRecordJson,
  type ElectionRecordParts,
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
import { partialFromWire, tallyFromWire, type PartialDecryptionJson, type SumsJson } from './tally.js';
import {
  announcementFromWire,
  signatureFromWire,
  type AnnouncementJson,
  type SignatureJson,
} from './wire.js';

/**
 * The public election record of a decrypted round (ballot-crypto's format v1): the ceremony, the whole
 * board with each ballot's status, the encrypted sum, the partial decryptions, the totals and the
 * committee's signatures over the result hash. Published once k members have signed; until then the
 * committee reads it as a draft, checks it and signs.
 */

interface BoardRow {
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

type UnsignedParts = Omit<ElectionRecordParts, 'signatures'>;

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
    tx.$queryRaw<BoardRow[]>`
      SELECT e.position, e.ballot_hash, e.tracking_code, e.previous_hash, e.entry_hash, b.content, b.status
      FROM ballot_board_entries e
      JOIN ballots b ON b.election_id = e.election_id AND b.ballot_hash = e.ballot_hash
      WHERE e.election_id = ${electionId}::uuid AND e.round = ${round}
      ORDER BY e.position`,
    tx.ballotTally.findUniqueOrThrow({ where: { electionId_round: { electionId, round } } }),
    tx.ballotPartialDecryption.findMany({ where: { electionId, round }, orderBy: { memberIndex: 'asc' } }),
  ]);
  const announcements = announcementRows.map((a) => a.announcement as AnnouncementJson);
  const parts: UnsignedParts = {
    context: contextFromRows(ceremony, announcements),
    announcements: announcements.map(announcementFromWire),
    board: board.map((entry) => {
      if (!(entry.status in STATUS))
        throw fail('ballot-record-not-ready', `the ballot at position ${entry.position} is not verified yet`);
      const status = STATUS[entry.status];
      return {
        position: entry.position,
        ...(status ? { status } : {}),
        ballot: entry.content,
        ballotHash: b64(entry.ballot_hash),
        trackingCode: entry.tracking_code,
        previousHash: b64(entry.previous_hash),
        entryHash: b64(entry.entry_hash),
      };
    }),
    aggregate: tallyFromWire(tally.sums as SumsJson),
    partials: partialRows.map((p) => partialFromWire(p.partial as PartialDecryptionJson)),
    totals: result.totals as number[][],
  };
  return { parts, ceremony };
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

const readOnly = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 };

/** The published record: 409 until k committee members have signed the round's result. */
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
    return assembleElectionRecord({ ...parts, signatures });
  }, readOnly);
}

/** The record as it stands, with the signatures so far: what a committee member checks before signing. */
export async function draftRecord(prisma: PrismaClient, electionId: string, round: number, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const { parts, ceremony } = await roundParts(tx, electionId, round);
    const signatures = await storedSignatures(tx, electionId, round);
    return {
      threshold: ceremony.threshold,
      signedBy: signatures.map((s) => ({ index: s.memberIndex, memberId: s.memberId })),
      record: assembleElectionRecord({ ...parts, signatures }),
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
      const { parts, ceremony } = await roundParts(tx, electionId, round);
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
      const resultHash = recordResultHash(parts);
      const member = parts.announcements.find((a) => a.index === memberIndex)!;
      let valid: boolean;
      try {
        valid = verifySignature(
          member.authPublicKey,
          resultHash,
          signatureFromWire(body.signature, 'signature'),
        );
      } catch (error) {
        if (!(error instanceof BallotCryptoError)) throw error;
        valid = false;
      }
      if (!valid)
        throw fail(
          'ballot-signature-invalid',
          `the signature of committee member ${caller.subject} (index ${memberIndex}) is not over result hash ${toBase64url(resultHash)}`,
        );
      await tx.ballotResultSignature.create({
        data: {
          electionId,
          round,
          memberIndex,
          memberId: caller.subject,
          resultHash: toBase64url(resultHash),
          signature: body.signature,
        },
      });
      const signatures = await tx.ballotResultSignature.count({ where: { electionId, round } });
      return {
        electionId,
        round,
        memberIndex,
        resultHash: toBase64url(resultHash),
        signatures,
        threshold: ceremony.threshold,
        published: signatures >= ceremony.threshold,
      };
    },
    { timeout: 60_000 },
  );
}
