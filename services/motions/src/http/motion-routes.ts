import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { addAttachment } from '../app/add-attachment.js';
import {
  coSponsorMotion,
  relateMotions,
  reviseMotion,
  submitMotion,
  withdrawMotion,
} from '../app/author-actions.js';
import { createMotion } from '../app/create-motion.js';
import { reviewMotion } from '../app/review-motion.js';
import { findMotionDetail, motionDetailInclude } from '../data/motion-repository.js';
import { actorFromToken } from '../domain/actor.js';
import { MOTION_STATES } from '../domain/motion-workflow.js';
import {
  AttachmentQuery,
  CoSponsorBody,
  CreateMotionBody,
  ListQuery,
  MotionIdParams,
  ReasonBody,
  RelateBody,
  ReviewBody,
  ReviseMotionBody,
} from './motion-schemas.js';
import { motionView } from './motion-views.js';
import type { MotionRoutesContext } from './route-context.js';

const COUNCIL = ['member', 'executive-board', 'staff'] as const;

export function motionRoutes(context: MotionRoutesContext): AnyRoute[] {
  const show = async (motionId: string) => {
    const row = await findMotionDetail(context.prisma, motionId);
    if (!row) throw new AppError('not-found', { detail: `motion ${motionId}` });
    return { status: 200, body: motionView(row, { audience: 'council', workflow: context.workflow }) };
  };
  const action = (
    path: string,
    summary: string,
    roles: readonly ('member' | 'executive-board' | 'staff')[],
  ) => ({
    method: 'post' as const,
    path: `/v1/motions/:motionId/${path}`,
    summary,
    tags: ['motions'],
    access: { anyOf: roles },
    responses: { 200: { description: 'Güncel önerge / The motion as it is now' } },
  });
  return [
    defineRoute({
      method: 'post',
      path: '/v1/motions',
      summary: 'Önerge taslağı oluştur / Draft a motion',
      tags: ['motions'],
      access: { anyOf: ['member', 'executive-board'] },
      request: { body: CreateMotionBody },
      responses: { 201: { description: 'Taslak / The draft' } },
      handler: async ({ body, auth }) => {
        const id = await createMotion(context, { actor: actorFromToken(auth), ...body });
        return { ...(await show(id)), status: 201, headers: { Location: `/v1/motions/${id}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/motions',
      summary: 'Önergeleri listele / List motions',
      tags: ['motions'],
      access: { anyOf: ['executive-board', 'staff'] },
      request: { query: ListQuery },
      responses: { 200: { description: 'Önergeler / Motions' } },
      handler: async ({ query }) => {
        if (query.state && !(MOTION_STATES as readonly string[]).includes(query.state))
          throw new AppError('validation-failed', {
            errors: [
              { field: 'query.state', code: 'invalid_value', message: `one of ${MOTION_STATES.join(', ')}` },
            ],
          });
        const rows = await context.prisma.motion.findMany({
          where: {
            ...(query.state ? { state: query.state } : {}),
            ...(query.topic ? { topic: query.topic } : {}),
          },
          include: motionDetailInclude,
          orderBy: { number: 'asc' },
        });
        return {
          status: 200,
          body: rows.map((row) => motionView(row, { audience: 'council', workflow: context.workflow })),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/motions/:motionId',
      summary: 'Önergeyi göster (taslaklar dahil) / Show a motion, drafts included',
      tags: ['motions'],
      access: { anyOf: COUNCIL },
      request: { params: MotionIdParams },
      responses: { 200: { description: 'Önerge / The motion' } },
      // Any council member may read a draft: that is how co-sponsors find it.
      handler: async ({ params }) => show(params.motionId),
    }),
    defineRoute({
      ...action('revisions', 'Önergeyi düzelt / Revise a motion', ['member', 'executive-board']),
      request: { params: MotionIdParams, body: ReviseMotionBody },
      handler: async ({ params, body, auth }) => {
        await reviseMotion(context, { actor: actorFromToken(auth), motionId: params.motionId, ...body });
        return show(params.motionId);
      },
    }),
    defineRoute({
      ...action('co-sponsors', 'Önergeyi destekle / Co-sponsor a motion', ['member']),
      request: { params: MotionIdParams, body: CoSponsorBody },
      handler: async ({ params, body, auth }) => {
        await coSponsorMotion(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          displayName: body.displayName,
        });
        return show(params.motionId);
      },
    }),
    defineRoute({
      ...action('submit', 'Önergeyi sun / Submit a motion', ['member', 'executive-board']),
      request: { params: MotionIdParams },
      handler: async ({ params, auth }) => {
        await submitMotion(context, { actor: actorFromToken(auth), motionId: params.motionId });
        return show(params.motionId);
      },
    }),
    defineRoute({
      ...action('withdraw', 'Önergeyi geri çek / Withdraw a motion', ['member', 'executive-board']),
      request: { params: MotionIdParams, body: ReasonBody },
      handler: async ({ params, body, auth }) => {
        await withdrawMotion(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          reason: body.reason,
        });
        return show(params.motionId);
      },
    }),
    defineRoute({
      ...action('related', 'İlgili önerge ekle / Relate another motion', ['member', 'executive-board']),
      request: { params: MotionIdParams, body: RelateBody },
      handler: async ({ params, body, auth }) => {
        await relateMotions(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          relatedId: body.motionId,
        });
        return show(params.motionId);
      },
    }),
    defineRoute({
      ...action('review', 'Yürütme Kurulu incelemesi / Executive Board review', ['executive-board']),
      request: { params: MotionIdParams, body: ReviewBody },
      handler: async ({ params, body, auth }) => {
        await reviewMotion(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          decision: body,
        });
        return show(params.motionId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/motions/:motionId/attachments',
      summary: 'Önergeye dosya ekle (gövde dosyanın kendisi) / Attach a file (the body is the file)',
      tags: ['motions'],
      access: { anyOf: ['member', 'executive-board'] },
      request: { params: MotionIdParams, query: AttachmentQuery },
      responses: { 201: { description: 'Ek / The attachment' } },
      handler: async ({ params, query, auth, req, res }) => {
        const content = await readBody(req, context.limits.maxBytes).catch((error: unknown) => {
          res.setHeader('Connection', 'close');
          throw error;
        });
        const attachment = await addAttachment(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          fileName: query.fileName,
          mediaType: req.headers['content-type'],
          content,
        });
        return { status: 201, body: attachment };
      },
    }),
  ];
}

async function readBody(
  req: NodeJS.ReadableStream & { headers: Record<string, unknown> },
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () =>
    new AppError('attachment-rejected', { detail: `the file must have at most ${maxBytes} bytes` });
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
