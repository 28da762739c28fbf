import type { AuthContext } from '@konsey/service-kit';
import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { approveResult } from '../app/approve-result.js';
import type { Caller } from '../app/caller.js';
import { assertStaffOrCommittee } from '../app/caller.js';
import { createElection } from '../app/create-election.js';
import { electionRecord } from '../app/election-record.js';
import { electionView } from '../app/election-view.js';
import { enterTally } from '../app/enter-tally.js';
import { listElections } from '../app/list-elections.js';
import { nominateCandidate } from '../app/nominate-candidate.js';
import { decideObjection, fileObjection } from '../app/objections.js';
import { recomputeEligibility } from '../app/recompute-eligibility.js';
import { renderMinutes } from '../app/render-minutes.js';
import { transitionElection } from '../app/transition-election.js';
import { withdrawCandidacy } from '../app/withdraw-candidacy.js';
import { refuse } from '../app/election-refusal.js';
import { committeeOf, findElection, lockElection } from '../data/election-repository.js';
import { answerInLanguage } from './answer-in-language.js';
import {
  ApprovalBody,
  CandidacyParams,
  CreateElectionBody,
  ElectionParams,
  ListElectionsQuery,
  NominationBody,
  ObjectionBody,
  ObjectionDecisionBody,
  ObjectionParams,
  RoundParams,
  TallyBody,
  TransitionBody,
  WithdrawalBody,
} from './election-schemas.js';

export interface ElectionRoutesOptions {
  prisma: PrismaClient;
  /** The clock (tests fix it); default the system clock. */
  now?: () => Date;
}

const caller = (auth: AuthContext): Caller => ({
  subject: auth.subject,
  roles: auth.roles,
  tokenId: auth.claims.jti,
});

const ORGANISERS = ['staff', 'operator', 'election-committee'] as const;
const READERS = [
  'member',
  'staff',
  'operator',
  'election-committee',
  'executive-board',
  'evaluation-committee',
] as const;

/** The elections lifecycle over HTTP: create, transitions, candidacies, objections, tally, approvals, record, minutes. */
export function electionHttpRoutes({ prisma, now = () => new Date() }: ElectionRoutesOptions): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/elections',
      summary: 'Seçim oluştur / Create an election',
      tags: ['elections'],
      access: { anyOf: ['staff', 'operator', 'election-committee'] },
      request: { body: CreateElectionBody },
      responses: { 201: { description: 'Taslak seçim / Draft election' } },
      handler: async ({ body, auth, req }) => ({
        status: 201,
        body: await answerInLanguage(req, () =>
          createElection(prisma, {
            actor: auth.subject,
            title: body.title,
            office: body.office,
            bodyId: body.bodyId,
            settings: body.settings,
            term: body.term,
            schedule: body.schedule,
            committee: body.committee,
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections',
      summary: 'Seçimler (durum ve kurula göre, sayfalı) / Elections by status and body, paginated',
      tags: ['elections'],
      access: { anyOf: ORGANISERS },
      request: { query: ListElectionsQuery },
      responses: { 200: { description: 'Bir sayfa seçim / A page of elections' } },
      handler: async ({ query, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () => listElections(prisma, caller(auth), query)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId',
      summary: 'Seçim / An election',
      tags: ['elections'],
      access: { anyOf: READERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Seçim / Election' } },
      handler: async ({ params, req }) => ({
        status: 200,
        body: await answerInLanguage(req, async () =>
          electionView(await findElection(prisma, params.electionId), {
            memberIds: await committeeOf(prisma, params.electionId),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/transitions',
      summary: 'Seçimi bir sonraki adıma taşı / Move an election one step',
      tags: ['elections'],
      access: { anyOf: ORGANISERS },
      request: { params: ElectionParams, body: TransitionBody },
      responses: { 200: { description: 'Yeni durum / New state' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () =>
          transitionElection(prisma, {
            electionId: params.electionId,
            action: body.action,
            reason: body.reason,
            caller: caller(auth),
            now: now(),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/candidacies',
      summary: 'Aday ol ya da aday göster / Stand or nominate',
      tags: ['elections'],
      access: { anyOf: ['member', ...ORGANISERS] },
      request: { params: ElectionParams, body: NominationBody },
      responses: { 201: { description: 'Adaylık / Candidacy' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 201,
        body: await answerInLanguage(req, () =>
          nominateCandidate(prisma, {
            electionId: params.electionId,
            memberId: body.memberId,
            slot: body.slot,
            caller: caller(auth),
            now: now(),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/candidacies/:memberId/withdrawal',
      summary: 'Adaylıktan çekil / Withdraw a candidacy',
      tags: ['elections'],
      access: { anyOf: ['member', 'staff', 'operator'] },
      request: { params: CandidacyParams, body: WithdrawalBody },
      responses: { 200: { description: 'Geri çekildi / Withdrawn' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () =>
          withdrawCandidacy(prisma, { ...params, reason: body.reason, caller: caller(auth), now: now() }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/eligibility',
      summary: 'Aday uygunluğunu yeniden hesapla / Recompute eligibility',
      tags: ['elections'],
      access: { anyOf: ORGANISERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Denetlenen ve değişen / Checked and changed' } },
      handler: async ({ params, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () =>
          prisma.$transaction(async (tx) => {
            const election = await lockElection(tx, params.electionId);
            await assertStaffOrCommittee(tx, election, caller(auth));
            if (!['announced', 'candidacy-open', 'candidacy-closed'].includes(election.status))
              throw refuse(
                'election-eligibility-frozen',
                `Seçim "${election.status}" durumunda; uygunluk hazirun listesi kesinleşmeden hesaplanır`,
                `The election is ${election.status}; eligibility is recomputed only before the roll is frozen`,
              );
            return recomputeEligibility(tx, election, { actor: auth.subject, now: now() });
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/objections',
      summary: 'İtiraz et / File an objection',
      tags: ['elections'],
      access: { anyOf: ['member'] },
      request: { params: ElectionParams, body: ObjectionBody },
      responses: { 201: { description: 'İtiraz / Objection' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 201,
        body: await answerInLanguage(req, () =>
          fileObjection(prisma, {
            electionId: params.electionId,
            caller: caller(auth),
            candidateMemberId: body.candidateMemberId,
            grounds: body.grounds,
            now: now(),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/objections/:objectionId/decision',
      summary: 'İtirazı karara bağla / Decide an objection',
      tags: ['elections'],
      access: { anyOf: ['election-committee'] },
      request: { params: ObjectionParams, body: ObjectionDecisionBody },
      responses: { 200: { description: 'Karar / Decision' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () =>
          decideObjection(prisma, { ...params, ...body, caller: caller(auth), now: now() }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/rounds/:round/tally',
      summary: 'Turun aday toplamlarını gir / Enter a round’s per-candidate totals',
      tags: ['elections'],
      access: { anyOf: ['election-committee'] },
      request: { params: RoundParams, body: TallyBody },
      responses: { 200: { description: 'Sayım / Count' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () =>
          enterTally(prisma, {
            electionId: params.electionId,
            round: params.round,
            caller: caller(auth),
            input: body,
            now: now(),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/elections/:electionId/approvals',
      summary: 'Sonucu SHA-256 özetiyle onayla / Approve the result by its SHA-256 hash',
      tags: ['elections'],
      access: { anyOf: ['election-committee'] },
      request: { params: ElectionParams, body: ApprovalBody },
      responses: { 201: { description: 'Onay / Approval' } },
      handler: async ({ params, body, auth, req }) => ({
        status: 201,
        body: await answerInLanguage(req, () =>
          approveResult(prisma, {
            electionId: params.electionId,
            resultHash: body.resultHash,
            caller: caller(auth),
            now: now(),
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/record',
      summary: 'Seçimin tam kaydı (itiraz ve yargı için) / Complete record for objections and courts',
      tags: ['elections'],
      access: { anyOf: ['staff', 'operator', 'election-committee'] },
      request: { params: ElectionParams },
      responses: { 200: { description: 'Kayıt / Record' } },
      handler: async ({ params, req }) => ({
        status: 200,
        body: await answerInLanguage(req, () => electionRecord(prisma, params.electionId)),
        headers: { 'content-disposition': `attachment; filename="election-${params.electionId}.json"` },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/elections/:electionId/minutes.pdf',
      summary: 'Seçim tutanağı (PDF) / Election minutes (PDF)',
      tags: ['elections'],
      access: { anyOf: READERS },
      request: { params: ElectionParams },
      responses: { 200: { description: 'PDF' } },
      handler: async ({ params, req, res }) => {
        const pdf = await answerInLanguage(req, async () =>
          renderMinutes(await electionRecord(prisma, params.electionId)),
        );
        // The kit answers JSON; the PDF is sent here and the kit's end() after it does nothing.
        res
          .status(200)
          .type('application/pdf')
          .setHeader('content-disposition', `inline; filename="tutanak-${params.electionId}.pdf"`)
          .send(pdf);
        return { status: 200 };
      },
    }),
  ];
}
