import { randomUUID } from 'node:crypto';
import {
  BallotCryptoError,
  createElectionContext,
  encodePoint,
  IDENTITY,
  toBase64url,
  keyFingerprint,
  parametersHash,
  toHex,
  verifyAnnouncement,
  verifySignature,
  type ElectionContext,
  type ElectionManifest,
  type ElectionParameters,
} from '@konsey/ballot-crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { fail } from './ballot-box-errors.js';
import {
  announcementFromWire,
  confirmationMessage,
  envelopeFromWire,
  pointToWire,
  signatureFromWire,
  type AnnouncementJson,
  type EnvelopeJson,
  type SignatureJson,
} from './wire.js';

export type Tx = Prisma.TransactionClient;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type CeremonyRow = NonNullable<Awaited<ReturnType<Tx['ballotCeremony']['findUnique']>>>;

/** Who calls: the verified token's subject and roles. */
export interface Caller {
  subject: string;
  roles: readonly string[];
}

interface ElectionFacts {
  id: string;
  title: string;
  status: string;
  round: number;
  registered: number | null;
  committeeThreshold: number;
  maxChoices: number;
}

async function electionFacts(
  tx: Tx,
  electionId: string,
  lock: '' | 'FOR SHARE' | 'FOR UPDATE' = '',
): Promise<ElectionFacts> {
  const rows = await tx.$queryRawUnsafe<
    {
      id: string;
      title: string;
      status: string;
      round: number;
      registered: number | null;
      committee_threshold: number;
      settings: { maxChoices?: number; seats?: number };
    }[]
  >(
    `SELECT id::text, title, status, round, registered, committee_threshold, settings FROM elections WHERE id = $1::uuid ${lock}`,
    electionId,
  );
  const row = rows[0];
  if (!row) throw fail('not-found', `no election ${electionId}`);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    round: row.round,
    registered: row.registered,
    committeeThreshold: row.committee_threshold,
    maxChoices: row.settings.maxChoices ?? row.settings.seats ?? 1,
  };
}

/** The caller holds the election-committee role and sits on this election's committee. */
export async function assertCommittee(tx: Tx, electionId: string, caller: Caller): Promise<void> {
  const seat =
    UUID.test(caller.subject) &&
    (await tx.electionCommitteeMember.findUnique({
      where: { electionId_memberId: { electionId, memberId: caller.subject } },
    }));
  if (!caller.roles.includes('election-committee') || !seat)
    throw fail(
      'ballot-box-not-on-committee',
      `${caller.subject} is not on the committee of election ${electionId}`,
    );
}

const lockCeremonies = (tx: Tx, electionId: string) =>
  tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`konsey/ballot-box/ceremony/${electionId}`}, 0))`;

/** The live (collecting or complete) attempt of the election's current round, if any. */
export async function liveCeremony(tx: Tx, electionId: string, round?: number): Promise<CeremonyRow | null> {
  return tx.ballotCeremony.findFirst({
    where: { electionId, ...(round === undefined ? {} : { round }), status: { not: 'superseded' } },
    orderBy: [{ round: 'desc' }, { attempt: 'desc' }],
  });
}

/** The round a ceremony prepares: its number and who is on its ballot, with at most how many marks. */
interface RoundBallot {
  round: number;
  candidateIds: string[];
  maxChoices: number;
}

/**
 * The round whose key ceremony can start now: round 1 once the roll is frozen (the eligible standing
 * candidates, in member id order, as the lifecycle opens it), or the next round once a count has called
 * for one (a President round or a revote, with the candidates that count named). Null otherwise.
 */
async function roundToPrepare(tx: Tx, election: ElectionFacts): Promise<RoundBallot | null> {
  if (election.status === 'roll-frozen' && election.round === 1) {
    const candidates = await tx.electionCandidacy.findMany({
      where: { electionId: election.id, status: 'standing', eligible: true },
      orderBy: { memberId: 'asc' },
    });
    return { round: 1, candidateIds: candidates.map((c) => c.memberId), maxChoices: election.maxChoices };
  }
  if (election.status !== 'tallied') return null;
  const counted = await tx.electionRound.findUnique({
    where: { electionId_round: { electionId: election.id, round: election.round } },
  });
  const decision = counted?.decision as {
    kind?: string;
    next?: { candidateIds: string[]; places: number | null };
  };
  if (decision?.kind !== 'next-round' || !decision.next) return null;
  return {
    round: election.round + 1,
    candidateIds: decision.next.candidateIds,
    maxChoices: decision.next.places ?? election.maxChoices,
  };
}

/**
 * The ballot of a round: one contest whose options are the round's candidates (member ids), 0 to
 * maxChoices marks (a blank ballot is allowed).
 */
function manifestFor(election: ElectionFacts, ballot: RoundBallot): ElectionManifest {
  if (ballot.candidateIds.length === 0)
    throw fail('ballot-box-election-state', `round ${ballot.round} has no eligible candidate`);
  const max = Math.min(ballot.maxChoices, ballot.candidateIds.length);
  return {
    electionId: `${election.id}/round-${ballot.round}`,
    title: election.title,
    contests: [
      {
        id: `round-${ballot.round}`,
        title: election.title,
        kind: max === 1 ? 'single-choice' : 'block',
        options: ballot.candidateIds,
        minSelections: 0,
        maxSelections: max,
      },
    ],
  };
}

/**
 * Start the key ceremony of the round about to open (idempotent): round 1 once the election's roll is
 * frozen (the manifest and the roll size are then fixed), a later round once a count calls for it. Every
 * committee member takes part in attempt 1, with keys of their own for that round.
 */
export async function startCeremony(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
): Promise<CeremonyRow> {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    await lockCeremonies(tx, electionId);
    const election = await electionFacts(tx, electionId);
    const ballot = await roundToPrepare(tx, election);
    const existing = await liveCeremony(tx, electionId, ballot?.round ?? election.round);
    if (existing && !(ballot && !listsCandidates(existing, ballot.candidateIds))) return existing;
    if (!ballot)
      throw fail(
        'ballot-box-election-state',
        `a key ceremony starts once the roll is frozen, or after a count that calls for another round (election is ${election.status})`,
      );
    const committee = await tx.electionCommitteeMember.findMany({
      where: { electionId },
      orderBy: { memberId: 'asc' },
    });
    const manifest = manifestFor(election, ballot);
    const parameters: ElectionParameters = {
      threshold: election.committeeThreshold,
      memberCount: committee.length,
      maxBallots: Math.max(1, election.registered ?? 1),
    };
    await tx.ballotBox.upsert({ where: { electionId }, create: { electionId, recast: 'one' }, update: {} });
    if (existing) {
      // A candidacy withdrawn or struck after the ceremony, before voting: a new attempt with the new ballot.
      const now = new Date();
      await tx.ballotCeremony.update({
        where: { id: existing.id },
        data: {
          status: 'superseded',
          supersededAt: now,
          exclusion: { by: caller.subject, reason: 'candidates-changed', at: now.toISOString() },
        },
      });
    }
    return tx.ballotCeremony.create({
      data: {
        id: randomUUID(),
        electionId,
        round: ballot.round,
        attempt: (existing?.attempt ?? 0) + 1,
        status: 'collecting',
        participants: existing ? participantsOf(existing) : committee.map((m) => m.memberId),
        threshold: parameters.threshold,
        manifest: manifest as unknown as Prisma.InputJsonValue,
        parameters: parameters as unknown as Prisma.InputJsonValue,
        parametersHash: toHex(parametersHash(manifest, parameters)),
      },
    });
  });
}

export const participantsOf = (row: CeremonyRow): string[] => row.participants as string[];
export const parametersOf = (row: CeremonyRow): ElectionParameters =>
  row.parameters as unknown as ElectionParameters;
export const manifestOf = (row: CeremonyRow): ElectionManifest => row.manifest as unknown as ElectionManifest;
const hexBytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

async function participantCeremony(tx: Tx, electionId: string, caller: Caller) {
  await assertCommittee(tx, electionId, caller);
  await lockCeremonies(tx, electionId);
  const ceremony = await liveCeremony(tx, electionId);
  if (!ceremony) throw fail('ballot-ceremony-not-started', `no key ceremony for election ${electionId}`);
  const index = participantsOf(ceremony).indexOf(caller.subject) + 1;
  if (index === 0)
    throw fail('ballot-ceremony-not-participant', `${caller.subject} is not in attempt ${ceremony.attempt}`);
  if (ceremony.status !== 'collecting')
    throw fail('ballot-ceremony-out-of-order', 'the key ceremony is already complete');
  return { ceremony, index };
}

const invalid = (error: unknown): never => {
  if (error instanceof BallotCryptoError) throw fail('ballot-ceremony-invalid', error.message);
  throw error;
};

/** Round 1: a participant publishes its commitments with proofs (checked here); the last one fixes the base hash. */
export async function publishAnnouncement(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  body: AnnouncementJson,
) {
  return prisma.$transaction(async (tx) => {
    const { ceremony, index } = await participantCeremony(tx, electionId, caller);
    if (body.index !== index)
      throw fail('ballot-ceremony-invalid', `you are member ${index} of this attempt, not ${body.index}`);
    try {
      verifyAnnouncement(
        announcementFromWire(body),
        parametersOf(ceremony),
        hexBytes(ceremony.parametersHash),
      );
    } catch (error) {
      invalid(error);
    }
    const stored = await tx.ballotCeremonyAnnouncement.findUnique({
      where: { ceremonyId_memberIndex: { ceremonyId: ceremony.id, memberIndex: index } },
    });
    if (stored) {
      if (JSON.stringify(stored.announcement) !== JSON.stringify(body))
        throw fail('ballot-ceremony-conflict', `member ${index} already announced different commitments`);
      return ceremonyView(tx, ceremony.id, caller.subject);
    }
    await tx.ballotCeremonyAnnouncement.create({
      data: { ceremonyId: ceremony.id, memberIndex: index, memberId: caller.subject, announcement: body },
    });
    const all = await tx.ballotCeremonyAnnouncement.findMany({
      where: { ceremonyId: ceremony.id },
      orderBy: { memberIndex: 'asc' },
    });
    if (all.length === parametersOf(ceremony).memberCount) {
      const context = contextFromRows(
        ceremony,
        all.map((a) => a.announcement as AnnouncementJson),
      );
      await tx.ballotCeremony.update({
        where: { id: ceremony.id },
        data: { baseHash: toHex(context.baseHash) },
      });
    }
    return ceremonyView(tx, ceremony.id, caller.subject);
  });
}

/** Round 2: a participant's shares, one sealed envelope per other participant (the server cannot open them). */
export async function postEnvelopes(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  envelopes: EnvelopeJson[],
) {
  return prisma.$transaction(async (tx) => {
    const { ceremony, index } = await participantCeremony(tx, electionId, caller);
    if (!ceremony.baseHash)
      throw fail('ballot-ceremony-out-of-order', 'shares are sent once every participant has announced');
    const n = parametersOf(ceremony).memberCount;
    const recipients = envelopes.map((e) => e.to).sort((a, b) => a - b);
    const expected = Array.from({ length: n }, (_, i) => i + 1).filter((i) => i !== index);
    if (envelopes.some((e) => e.from !== index) || JSON.stringify(recipients) !== JSON.stringify(expected))
      throw fail(
        'ballot-ceremony-invalid',
        `member ${index} sends exactly one envelope to each of members ${expected.join(', ')}`,
      );
    try {
      envelopes.forEach(envelopeFromWire);
    } catch (error) {
      invalid(error);
    }
    const stored = await tx.ballotCeremonyEnvelope.findMany({
      where: { ceremonyId: ceremony.id, fromIndex: index },
    });
    if (stored.length > 0) {
      const same = stored.every(
        (s) => JSON.stringify(s.envelope) === JSON.stringify(envelopes.find((e) => e.to === s.toIndex)),
      );
      if (!same) throw fail('ballot-ceremony-conflict', `member ${index} already sent different shares`);
      return ceremonyView(tx, ceremony.id, caller.subject);
    }
    await tx.ballotCeremonyEnvelope.createMany({
      data: envelopes.map((e) => ({ ceremonyId: ceremony.id, fromIndex: index, toIndex: e.to, envelope: e })),
    });
    return ceremonyView(tx, ceremony.id, caller.subject);
  });
}

/** The envelopes addressed to the caller in the live attempt. */
export async function envelopesFor(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
): Promise<EnvelopeJson[]> {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const ceremony = await liveCeremony(tx, electionId);
    if (!ceremony) throw fail('ballot-ceremony-not-started', `no key ceremony for election ${electionId}`);
    const index = participantsOf(ceremony).indexOf(caller.subject) + 1;
    if (index === 0)
      throw fail(
        'ballot-ceremony-not-participant',
        `${caller.subject} is not in attempt ${ceremony.attempt}`,
      );
    const rows = await tx.ballotCeremonyEnvelope.findMany({
      where: { ceremonyId: ceremony.id, toIndex: index },
      orderBy: { fromIndex: 'asc' },
    });
    return rows.map((r) => r.envelope as EnvelopeJson);
  });
}

/**
 * Round 3: a participant confirms, with a signature by its announced key over the base hash, that the
 * shares it received matched their senders' commitments. The last confirmation completes the
 * ceremony: the joint key and its fingerprint are fixed and the encrypted running sum starts at zero.
 */
export async function confirmShares(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  body: { baseHash: string; signature: SignatureJson },
) {
  return prisma.$transaction(async (tx) => {
    const { ceremony, index } = await participantCeremony(tx, electionId, caller);
    const n = parametersOf(ceremony).memberCount;
    const received = await tx.ballotCeremonyEnvelope.count({
      where: { ceremonyId: ceremony.id, toIndex: index },
    });
    if (!ceremony.baseHash || received !== n - 1)
      throw fail(
        'ballot-ceremony-out-of-order',
        `member ${index} has ${received} of the ${n - 1} shares addressed to it`,
      );
    if (body.baseHash !== ceremony.baseHash)
      throw fail(
        'ballot-ceremony-invalid',
        `the base hash confirmed is not the ceremony's (${ceremony.baseHash})`,
      );
    const mine = await tx.ballotCeremonyAnnouncement.findUniqueOrThrow({
      where: { ceremonyId_memberIndex: { ceremonyId: ceremony.id, memberIndex: index } },
    });
    let ok = false;
    try {
      const key = announcementFromWire(mine.announcement as AnnouncementJson).authPublicKey;
      ok = verifySignature(
        key,
        confirmationMessage(ceremony.id, ceremony.baseHash),
        signatureFromWire(body.signature, 'signature'),
      );
    } catch (error) {
      invalid(error);
    }
    if (!ok)
      throw fail(
        'ballot-ceremony-invalid',
        `the signature of member ${index} does not verify against its announced key`,
      );
    await tx.ballotCeremonyConfirmation.upsert({
      where: { ceremonyId_memberIndex: { ceremonyId: ceremony.id, memberIndex: index } },
      create: {
        ceremonyId: ceremony.id,
        memberIndex: index,
        baseHash: body.baseHash,
        signature: body.signature,
      },
      update: {},
    });
    if ((await tx.ballotCeremonyConfirmation.count({ where: { ceremonyId: ceremony.id } })) === n) {
      const announcements = await tx.ballotCeremonyAnnouncement.findMany({
        where: { ceremonyId: ceremony.id },
        orderBy: { memberIndex: 'asc' },
      });
      const context = contextFromRows(
        ceremony,
        announcements.map((a) => a.announcement as AnnouncementJson),
      );
      await tx.ballotCeremony.update({
        where: { id: ceremony.id },
        data: {
          status: 'complete',
          completedAt: new Date(),
          jointKey: pointToWire(context.publicKey),
          fingerprint: keyFingerprint(context.baseHash),
        },
      });
      const zero = manifestOf(ceremony).contests.map((c) =>
        c.options.map(() => ({ alpha: IDENTITY_WIRE, beta: IDENTITY_WIRE })),
      );
      await tx.ballotTally.upsert({
        where: { electionId_round: { electionId, round: ceremony.round } },
        create: { electionId, round: ceremony.round, ballotCount: 0, sums: zero },
        update: {},
      });
    }
    return ceremonyView(tx, ceremony.id, caller.subject);
  });
}

/** base64url of the identity's canonical encoding (32 zero bytes). */
export const IDENTITY_WIRE = toBase64url(encodePoint(IDENTITY));

/**
 * A participant who does not take part (or whose share a recipient found false) is excluded: the
 * attempt is superseded and a new one starts with the others, as long as at least k remain. The
 * threshold k is unchanged, so secrecy is not weakened; every remaining member starts over.
 */
export async function excludeMember(
  prisma: PrismaClient,
  electionId: string,
  caller: Caller,
  body: { memberId: string; reason: string },
) {
  return prisma.$transaction(async (tx) => {
    const { ceremony } = await participantCeremony(tx, electionId, caller);
    const participants = participantsOf(ceremony);
    if (!participants.includes(body.memberId))
      throw fail('ballot-ceremony-not-participant', `${body.memberId} is not in attempt ${ceremony.attempt}`);
    const remaining = participants.filter((m) => m !== body.memberId);
    if (remaining.length < ceremony.threshold)
      throw fail(
        'ballot-ceremony-too-few',
        `${remaining.length} members would remain for a threshold of ${ceremony.threshold}`,
      );
    const now = new Date();
    await tx.ballotCeremony.update({
      where: { id: ceremony.id },
      data: {
        status: 'superseded',
        supersededAt: now,
        exclusion: {
          by: caller.subject,
          memberId: body.memberId,
          reason: body.reason,
          at: now.toISOString(),
        },
      },
    });
    const parameters: ElectionParameters = { ...parametersOf(ceremony), memberCount: remaining.length };
    const next = await tx.ballotCeremony.create({
      data: {
        id: randomUUID(),
        electionId,
        round: ceremony.round,
        attempt: ceremony.attempt + 1,
        status: 'collecting',
        participants: remaining,
        threshold: ceremony.threshold,
        manifest: ceremony.manifest as Prisma.InputJsonValue,
        parameters: parameters as unknown as Prisma.InputJsonValue,
        parametersHash: toHex(parametersHash(manifestOf(ceremony), parameters)),
      },
    });
    return ceremonyView(tx, next.id, caller.subject);
  });
}

/** The election context (joint key, base hash) from a ceremony's announcements in member order. */
export function contextFromRows(ceremony: CeremonyRow, announcements: AnnouncementJson[]): ElectionContext {
  return createElectionContext({
    manifest: manifestOf(ceremony),
    parameters: parametersOf(ceremony),
    commitments: announcements.map((a) => announcementFromWire(a).commitments),
  });
}

/** What anyone on the committee sees of the ceremony: public material only. */
export async function ceremonyView(tx: Tx, ceremonyId: string, viewer?: string) {
  const ceremony = await tx.ballotCeremony.findUniqueOrThrow({ where: { id: ceremonyId } });
  const [announcements, envelopes, confirmations] = await Promise.all([
    tx.ballotCeremonyAnnouncement.findMany({ where: { ceremonyId }, orderBy: { memberIndex: 'asc' } }),
    tx.ballotCeremonyEnvelope.findMany({ where: { ceremonyId }, select: { fromIndex: true } }),
    tx.ballotCeremonyConfirmation.findMany({ where: { ceremonyId }, select: { memberIndex: true } }),
  ]);
  const participants = participantsOf(ceremony);
  const complete = ceremony.status === 'complete';
  return {
    ceremonyId: ceremony.id,
    electionId: ceremony.electionId,
    round: ceremony.round,
    attempt: ceremony.attempt,
    status: ceremony.status,
    threshold: ceremony.threshold,
    you: viewer && participants.includes(viewer) ? { index: participants.indexOf(viewer) + 1 } : null,
    participants: participants.map((memberId, i) => ({
      index: i + 1,
      memberId,
      announced: announcements.some((a) => a.memberIndex === i + 1),
      sharesSent: envelopes.some((e) => e.fromIndex === i + 1),
      confirmed: confirmations.some((c) => c.memberIndex === i + 1),
    })),
    manifest: ceremony.manifest,
    parameters: ceremony.parameters,
    parametersHash: ceremony.parametersHash,
    announcements: announcements.map((a) => a.announcement as AnnouncementJson),
    baseHash: ceremony.baseHash,
    jointKey: complete ? ceremony.jointKey : null,
    fingerprint: complete ? ceremony.fingerprint : null,
    completedAt: ceremony.completedAt?.toISOString() ?? null,
  };
}

export async function currentCeremonyView(prisma: PrismaClient, electionId: string, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    await assertCommittee(tx, electionId, caller);
    const ceremony = await liveCeremony(tx, electionId);
    if (!ceremony) throw fail('ballot-ceremony-not-started', `no key ceremony for election ${electionId}`);
    return ceremonyView(tx, ceremony.id, caller.subject);
  });
}

/**
 * True when the key ceremony of the round (default: the latest) is complete: such a round is counted
 * by its decryption, not by hand.
 */
export async function ceremonyComplete(
  db: Tx | PrismaClient,
  electionId: string,
  round?: number,
): Promise<boolean> {
  const live = await liveCeremony(db as Tx, electionId, round);
  return live?.status === 'complete';
}

/** The context voters encrypt under, once the ceremony is complete (public). */
export async function votingContext(prisma: PrismaClient, electionId: string) {
  const ceremony = await liveCeremony(prisma as unknown as Tx, electionId);
  if (!ceremony || ceremony.status !== 'complete')
    throw fail('ballot-ceremony-incomplete', `the key ceremony of election ${electionId} is not complete`);
  const announcements = await prisma.ballotCeremonyAnnouncement.findMany({
    where: { ceremonyId: ceremony.id },
    orderBy: { memberIndex: 'asc' },
  });
  return {
    ceremonyId: ceremony.id,
    round: ceremony.round,
    manifest: ceremony.manifest,
    parameters: ceremony.parameters,
    commitments: announcements.map((a) => (a.announcement as AnnouncementJson).commitments),
    baseHash: ceremony.baseHash,
    jointKey: ceremony.jointKey,
    fingerprint: ceremony.fingerprint,
  };
}

export { electionFacts };

/**
 * Before a round opens: voting on paper needs no ceremony, but once a round's ceremony has started,
 * voting waits until it is complete; a later round of an election that used the ballot box needs its own
 * complete ceremony; and the ceremony's ballot must list exactly the candidates the round opens with.
 * The lifecycle calls this for a clear 409 (a database trigger backs up the first rule).
 */
export async function assertBallotBoxReady(
  tx: Tx,
  electionId: string,
  round: number,
  candidateIds: readonly string[],
): Promise<void> {
  const live = await liveCeremony(tx, electionId, round);
  if (!live) {
    const earlier = await tx.ballotCeremony.count({
      where: { electionId, round: { lt: round }, status: 'complete' },
    });
    if (earlier > 0)
      throw fail(
        'ballot-ceremony-incomplete',
        `round ${round} of election ${electionId} needs its own key ceremony before it opens (POST /v1/elections/${electionId}/ceremony)`,
      );
    return;
  }
  if (live.status !== 'complete')
    throw fail(
      'ballot-ceremony-incomplete',
      `the key ceremony of election ${electionId} round ${round} is not complete`,
    );
  if (!listsCandidates(live, candidateIds))
    throw fail(
      'ballot-box-election-state',
      `the candidates of round ${round} changed after its key ceremony: start the ceremony again (POST /v1/elections/${electionId}/ceremony) for a ballot with the current candidates`,
    );
}

/** The ceremony's ballot lists exactly these candidates. */
function listsCandidates(ceremony: CeremonyRow, candidateIds: readonly string[]): boolean {
  const options = manifestOf(ceremony).contests[0]!.options;
  return options.length === candidateIds.length && candidateIds.every((id) => options.includes(id));
}
