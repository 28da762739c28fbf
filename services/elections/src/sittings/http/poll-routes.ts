import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { castVote } from '../app/cast-vote.js';
import { closeVoting } from '../app/close-voting.js';
import { openVoting } from '../app/open-voting.js';
import { getPoll, getPollResult } from '../app/read-sittings.js';
import { PollParams, PollView, QuorumView, VoteReceipt, VoteRequest } from './sitting-schemas.js';

const staff = { anyOf: ['staff'] } as const;
const Reason = z.object({ tr: z.string(), en: z.string() });

export function pollHttpRoutes(prisma: PrismaClient): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/polls/:pollId',
      summary: 'Oylama (sayılar kapanınca) / A poll (counts once closed)',
      tags: ['polls'],
      access: { anyOf: ['staff', 'executive-board'] },
      request: { params: PollParams },
      responses: { 200: { description: 'Oylama / Poll', schema: PollView } },
      handler: async ({ params }) => ({ status: 200, body: await getPoll(prisma, params.pollId) }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/polls/:pollId/result',
      summary: 'Kapanmış oylamanın sonucu (açık oylamada kim ne dedi) / Public result of a closed poll',
      tags: ['polls'],
      access: 'public',
      request: { params: PollParams },
      responses: {
        200: {
          description: 'Sonuç / Result',
          schema: PollView.extend({
            votes: z.array(z.object({ memberId: z.uuid(), choice: z.string() })).nullable(),
          }),
        },
      },
      handler: async ({ params }) => ({ status: 200, body: await getPollResult(prisma, params.pollId) }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/polls/:pollId/open',
      summary: 'Oylamayı başlat / Open voting (the sitting must have its quorum)',
      tags: ['polls'],
      access: staff,
      request: { params: PollParams },
      responses: { 200: { description: 'Oylama açık / Voting open', schema: PollView.extend({ quorum: QuorumView }) } },
      handler: async ({ params }) => ({
        status: 200,
        body: await prisma.$transaction((tx) => openVoting(tx, { pollId: params.pollId, at: new Date() })),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/polls/:pollId/close',
      summary: 'Oylamayı kapat ve sonucu ilan et / Close voting and decide',
      tags: ['polls'],
      access: staff,
      request: { params: PollParams },
      responses: {
        200: {
          description: 'Sonuçlandı / Decided',
          schema: PollView.extend({ reason: Reason, required: z.number().int() }),
        },
      },
      handler: async ({ params }) => ({
        status: 200,
        body: await prisma.$transaction((tx) => closeVoting(tx, { pollId: params.pollId, at: new Date() })),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/polls/:pollId/vote',
      summary: 'Oy ver veya oyunu değiştir / Vote, or change your vote before voting closes',
      tags: ['polls'],
      access: { anyOf: ['member'] },
      request: { params: PollParams, body: VoteRequest },
      responses: { 200: { description: 'Oy kaydedildi / Vote recorded', schema: VoteReceipt } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await prisma.$transaction((tx) =>
          castVote(tx, { pollId: params.pollId, memberId: auth.subject, ...body, at: new Date() }),
        ),
      }),
    }),
  ];
}
