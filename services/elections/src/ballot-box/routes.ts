import {
  AppError,
  defineRoute,
  type AnyRoute,
  type AuthContext,
  type BaseConfig,
  type ServiceDependencies,
  rawJsonBody,
} from '@konsey/service-kit';
import type { Request } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import { boardLookup, boardPage } from './board.js';
import { ballotFigures } from './figures.js';
import { BallotBody, ballotStatus, setRecast } from './cast-ballot.js';
import { CastBatcher } from './cast-batch.js';
import {
  assertCommittee,
  confirmShares,
  currentCeremonyView,
  envelopesFor,
  excludeMember,
  publishAnnouncement,
  postEnvelopes,
  startCeremony,
  votingContext,
  ceremonyView,
  type Caller,
} from './ceremony.js';
import { issueCredential } from './credentials.js';
import { signResult } from './record.js';
import { streamDraftRecord, streamPublishedRecord } from './record-stream.js';
import { setClosingTime } from './scheduled-close.js';
import { setPresence } from './presence.js';
import { decryptedTotals, encryptedTotals, postPartialDecryption } from './tally.js';
import { PartialDecryptionJson } from './tally-wire.js';
import { ballotQueue, BallotIntake } from './verification.js';
import { BoardSequencer } from './board-sequencer.js';
import { AnnouncementJson, EnvelopeJson, SignatureJson } from './wire.js';
import { answerInLanguage } from '../elections/http/answer-in-language.js';

const ElectionParams = z.strictObject({ electionId: z.uuid() });
const BallotParams = z.strictObject({ electionId: z.uuid(), ballotId: z.uuid() });
const BoardQuery = z.strictObject({
  round: z.coerce.number().int().min(1).max(1000).optional(),
  after: z.coerce
    .number()
    .int()
    .min(-1)
    .max(2 ** 31 - 2)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const RoundParams = z.strictObject({ electionId: z.uuid(), round: z.coerce.number().int().min(1).max(1000) });
const CodeParams = z.strictObject({ electionId: z.uuid(), trackingCode: z.string().min(1).max(20) });
const COMMITTEE = ['election-committee'] as const;
const FIGURES = ['election-committee', 'staff', 'operator'] as const;
const TALLY_READERS = ['election-committee', 'staff'] as const;
const VOTERS = ['member'] as const;
const READERS = ['member', 'staff', 'operator', 'election-committee'] as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const callerOf = (auth: AuthContext): Caller => ({ subject: auth.subject, roles: auth.roles });

function idempotencyKeyOf(req: Request): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
    throw new AppError('validation-failed', {
      detail: 'casting a ballot needs an Idempotency-Key header of 1–200 visible ASCII characters',
      errors: [
        { field: 'header.idempotency-key', code: 'required', message: '1–200 visible ASCII characters' },
      ],
    });
  return key;
}

export type BallotBoxDeps = Pick<
  ServiceDependencies<PrismaClient, BaseConfig>,
  'prisma' | 'pool' | 'config' | 'logger' | 'redis'
>;

export interface BallotBoxRoutes {
  routes: AnyRoute[];
  /** Ballots stored but not yet handed to Redis are sent now, and the board appends finish (tests, shutdown). */
  drain(): Promise<void>;
}

/** Build the routes and the intake that hands stored ballots to the verification queue. */
export function createBallotBox(deps: BallotBoxDeps, now: () => Date = () => new Date()): BallotBoxRoutes {
  const { prisma } = deps;
  const intake = new BallotIntake(ballotQueue(deps.redis, deps.config.REDIS_PREFIX), deps.logger);
  const board = new BoardSequencer(prisma, deps.logger);
  const casts = new CastBatcher(deps.pool);
  const ceremony = (suffix: string) => `/v1/elections/:electionId/ceremony${suffix}`;
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'post',
      path: ceremony(''),
      summary: 'Anahtar törenini başlat / Start the key ceremony',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Tören / Ceremony' } },
      handler: async ({ params, auth }) => {
        const row = await startCeremony(prisma, params.electionId, callerOf(auth));
        return {
          status: 200,
          body: await prisma.$transaction((tx) => ceremonyView(tx, row.id, auth.subject)),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: ceremony(''),
      summary: 'Anahtar töreninin durumu / The key ceremony',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Tören / Ceremony' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await currentCeremonyView(prisma, params.electionId, callerOf(auth)),
      }),
    }),
    defineRoute({
      method: 'post',
      path: ceremony('/announcements'),
      summary: 'Taahhütleri ve kanıtları yayımla / Publish commitments with proofs',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams, body: z.strictObject({ announcement: AnnouncementJson }) },
      responses: { 200: { description: 'Tören / Ceremony' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await publishAnnouncement(prisma, params.electionId, callerOf(auth), body.announcement),
      }),
    }),
    defineRoute({
      method: 'post',
      path: ceremony('/envelopes'),
      summary: 'Şifreli ve imzalı payları gönder / Post encrypted, signed shares',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: {
        params: ElectionParams,
        body: z.strictObject({ envelopes: z.array(EnvelopeJson).max(254) }),
      },
      responses: { 200: { description: 'Tören / Ceremony' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await postEnvelopes(prisma, params.electionId, callerOf(auth), body.envelopes),
      }),
    }),
    defineRoute({
      method: 'get',
      path: ceremony('/envelopes'),
      summary: 'Bana gönderilen paylar / Shares addressed to me',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Zarflar / Envelopes' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: { envelopes: await envelopesFor(prisma, params.electionId, callerOf(auth)) },
      }),
    }),
    defineRoute({
      method: 'post',
      path: ceremony('/confirmations'),
      summary: 'Alınan payları onayla / Confirm the shares received',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: {
        params: ElectionParams,
        body: z.strictObject({ baseHash: z.string().regex(/^[0-9a-f]{64}$/), signature: SignatureJson }),
      },
      responses: { 200: { description: 'Tören / Ceremony' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await confirmShares(prisma, params.electionId, callerOf(auth), body),
      }),
    }),
    defineRoute({
      method: 'post',
      path: ceremony('/exclusions'),
      summary: 'Katılmayan üyeyi çıkar ve töreni yeniden başlat / Exclude a member and restart',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: {
        params: ElectionParams,
        body: z.strictObject({ memberId: z.uuid(), reason: z.string().trim().min(3).max(1000) }),
      },
      responses: { 200: { description: 'Yeni deneme / New attempt' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await excludeMember(prisma, params.electionId, callerOf(auth), body),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/ballot-box/tally',
      summary: 'Şifreli toplamlar (oylama kapandıktan sonra) / Encrypted totals (after voting closes)',
      tags: ['ballot-box'],
      access: { anyOf: TALLY_READERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Şifreli toplamlar / Encrypted totals' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await encryptedTotals(prisma, params.electionId, callerOf(auth)),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/ballot-box/partial-decryptions',
      summary: 'Kısmi şifre çözmeyi kanıtıyla gönder / Post a partial decryption with its proofs',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams, body: z.strictObject({ partialDecryption: PartialDecryptionJson }) },
      responses: { 201: { description: 'Kaydedildi / Stored' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 201,
        body: await answerInLanguage(req, () =>
          postPartialDecryption(prisma, params.electionId, callerOf(auth), body.partialDecryption, now()),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/ballot-box/totals',
      summary: 'Çözülmüş aday toplamları / Decrypted per-option totals',
      tags: ['ballot-box'],
      access: { anyOf: TALLY_READERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Toplamlar / Totals' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await decryptedTotals(prisma, params.electionId, callerOf(auth)),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/elections/:electionId/ballot-box',
      summary: 'Yeniden oy kuralı (one | last-counts) / Re-casting rule',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams, body: z.strictObject({ recast: z.enum(['one', 'last-counts']) }) },
      responses: { 200: { description: 'Sandık / Ballot box' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await setRecast(prisma, params.electionId, body.recast, (tx) =>
          assertCommittee(tx, params.electionId, callerOf(auth)),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/ballot-box/context',
      summary: 'Oy şifreleme bağlamı (ortak anahtar) / Encryption context (joint key)',
      tags: ['ballot-box'],
      access: { anyOf: READERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Bağlam / Context' } },
      handler: async ({ params }) => ({ status: 200, body: await votingContext(prisma, params.electionId) }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/credentials',
      summary: 'Oy kimliği al / Obtain a ballot credential',
      tags: ['ballot-box'],
      access: { anyOf: VOTERS },
      request: { params: ElectionParams },
      responses: {
        201: { description: 'Yeni / New' },
        200: { description: 'Önceden verilmiş / Already issued' },
      },
      handler: async ({ params, auth }) => {
        const { created, credential } = await issueCredential(prisma, params.electionId, callerOf(auth));
        return { status: created ? 201 : 200, body: credential };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/ballots',
      summary: 'Şifreli oy at (Idempotency-Key) / Cast an encrypted ballot',
      tags: ['ballot-box'],
      access: { anyOf: VOTERS },
      request: { params: ElectionParams, body: BallotBody },
      responses: { 202: { description: 'Alındı, takip kodu / Received, tracking code' } },
      handler: async ({ params, body, auth, req }) => {
        const idempotencyKey = idempotencyKeyOf(req);
        const outcome = await casts.cast({
          electionId: params.electionId,
          caller: callerOf(auth),
          idempotencyKey,
          body,
          rawBody: rawJsonBody(req),
        });
        if (!outcome.replayed) {
          intake.push(outcome.body.ballotId);
          board.nudge(params.electionId, outcome.round);
        }
        return {
          status: outcome.status,
          body: outcome.body,
          headers: {
            Location: `/v1/elections/${params.electionId}/ballots/${outcome.body.ballotId}`,
            ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/ballots/:ballotId',
      summary: 'Oyumun durumu / My ballot’s status',
      tags: ['ballot-box'],
      access: { anyOf: VOTERS },
      request: { params: BallotParams },
      responses: { 200: { description: 'Durum / Status' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await ballotStatus(prisma, params.electionId, params.ballotId, callerOf(auth)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/board',
      summary: 'Herkese açık oy panosu (sayfalı) / Public bulletin board (paged)',
      tags: ['ballot-box'],
      access: 'public',
      request: { params: ElectionParams, query: BoardQuery },
      responses: { 200: { description: 'Pano / Board' } },
      handler: async ({ params, query }) => ({
        status: 200,
        body: await boardPage(prisma, params.electionId, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/board/:trackingCode',
      summary: 'Takip koduyla oyumu bul / Find my ballot by tracking code',
      tags: ['ballot-box'],
      access: 'public',
      request: { params: CodeParams },
      responses: { 200: { description: 'Sıra ve durum / Position and status' } },
      handler: async ({ params }) => ({
        status: 200,
        body: await boardLookup(prisma, params.electionId, params.trackingCode),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/ballot-box/figures',
      summary: 'Canlı sayılar (sonuç değil) / Live figures (never results)',
      tags: ['ballot-box'],
      access: { anyOf: FIGURES },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Sayılar / Figures' } },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await ballotFigures(prisma, params.electionId, callerOf(auth)),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/elections/:electionId/ballot-box/presence',
      summary: 'Oylama salonda: yoklamaya kayıtlı üyeler / Voting in the hall: checked-in members only',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: ElectionParams, body: z.strictObject({ sittingId: z.uuid().nullable() }) },
      responses: { 200: { description: 'Sandık / Ballot box' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await setPresence(prisma, params.electionId, callerOf(auth), body.sittingId),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/elections/:electionId/ballot-box/closing',
      summary: 'Oylamanın kendiliğinden kapanacağı zaman / When voting closes by itself',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: {
        params: ElectionParams,
        body: z.strictObject({ closesAt: z.iso.datetime({ offset: true }).nullable() }),
      },
      responses: { 200: { description: 'Kapanış / Closing' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await setClosingTime(
          prisma,
          params.electionId,
          callerOf(auth),
          body.closesAt === null ? null : new Date(body.closesAt),
          now(),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/rounds/:round/ballot-record',
      summary:
        'Turun herkese açık seçim kaydı (konsey-verify) / The round’s public election record (konsey-verify)',
      tags: ['ballot-box'],
      access: 'public',
      request: { params: RoundParams },
      responses: { 200: { description: 'Seçim kaydı v1 / Election record v1' } },
      // Streamed (record-stream.ts): a problem before the first byte, else the record written page by page.
      handler: async ({ params, res }) => {
        await streamPublishedRecord(prisma, res, params.electionId, params.round, { logger: deps.logger });
        return { status: 200 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/rounds/:round/ballot-record/draft',
      summary: 'İmzalanacak kayıt taslağı / The record draft to check and sign',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: RoundParams },
      responses: { 200: { description: 'Taslak ve imzalar / Draft and signatures' } },
      handler: async ({ params, auth, res }) => {
        await streamDraftRecord(prisma, res, params.electionId, params.round, callerOf(auth), {
          logger: deps.logger,
        });
        return { status: 200 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/rounds/:round/ballot-record/signatures',
      summary: 'Sonuç özetini tören anahtarıyla imzala / Sign the result hash with the ceremony key',
      tags: ['ballot-box'],
      access: { anyOf: COMMITTEE },
      request: { params: RoundParams, body: z.strictObject({ signature: SignatureJson }) },
      responses: { 201: { description: 'İmza kaydedildi / Signature stored' } },
      handler: async ({ params, body, auth }) => ({
        status: 201,
        body: await signResult(prisma, params.electionId, params.round, callerOf(auth), body),
      }),
    }),
  ];
  return {
    routes,
    drain: async () => {
      await intake.drain();
      await board.settle();
    },
  };
}
