import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { createAgenda, openPoll, orderAgenda, scheduleMotion } from '../app/agendas.js';
import { actorFromToken } from '../domain/actor.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import type { MotionsPrisma } from '../motions-prisma.js';
import {
  AgendaIdParams,
  CreateAgendaBody,
  MotionIdParams,
  OpenPollBody,
  OrderAgendaBody,
  ScheduleBody,
} from './motion-schemas.js';
import type { MotionRoutesContext } from './route-context.js';

/** A General Assembly agenda in order, each motion with its poll; public. */
export async function agendaView(prisma: MotionsPrisma, agendaId: string) {
  const agenda = await prisma.agenda.findUnique({
    where: { id: agendaId },
    include: { motions: { orderBy: { agendaPosition: 'asc' } } },
  });
  if (!agenda) throw new AppError('not-found', { detail: `agenda ${agendaId}` });
  return {
    id: agenda.id,
    bodyId: agenda.bodyId,
    meetingOn: toCalendarDate(agenda.meetingOn),
    title: agenda.title,
    items: agenda.motions.map((motion) => ({
      position: motion.agendaPosition,
      motionId: motion.id,
      number: motion.number,
      title: motion.title,
      topic: motion.topic,
      state: motion.state,
      poll: motion.pollId
        ? {
            pollId: motion.pollId,
            outcome: motion.pollOutcome,
            yes: motion.pollYes,
            no: motion.pollNo,
            abstain: motion.pollAbstain,
            present: motion.pollPresent,
          }
        : null,
    })),
  };
}

export function agendaRoutes(context: MotionRoutesContext): AnyRoute[] {
  const board = { anyOf: ['executive-board'] } as const;
  return [
    defineRoute({
      method: 'post',
      path: '/v1/agendas',
      summary: 'Genel Kurul gündemi aç / Open a General Assembly agenda',
      tags: ['agendas'],
      access: board,
      request: { body: CreateAgendaBody },
      responses: { 201: { description: 'Gündem / The agenda' } },
      handler: async ({ body, auth }) => {
        const id = await createAgenda(context.prisma, { actor: actorFromToken(auth), ...body });
        return {
          status: 201,
          body: await agendaView(context.prisma, id),
          headers: { Location: `/v1/public/agendas/${id}` },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/agendas/:agendaId/motions',
      summary: 'Kabul edilen önergeyi gündeme al / Put an accepted motion on the agenda',
      tags: ['agendas'],
      access: board,
      request: { params: AgendaIdParams, body: ScheduleBody },
      responses: { 200: { description: 'Gündem / The agenda' } },
      handler: async ({ params, body, auth }) => {
        await scheduleMotion(context, {
          actor: actorFromToken(auth),
          agendaId: params.agendaId,
          motionId: body.motionId,
        });
        return { status: 200, body: await agendaView(context.prisma, params.agendaId) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/agendas/:agendaId/order',
      summary: 'Gündemi sırala / Order the agenda',
      tags: ['agendas'],
      access: board,
      request: { params: AgendaIdParams, body: OrderAgendaBody },
      responses: { 200: { description: 'Gündem / The agenda' } },
      handler: async ({ params, body }) => {
        await orderAgenda(context.prisma, { agendaId: params.agendaId, motionIds: body.motionIds });
        return { status: 200, body: await agendaView(context.prisma, params.agendaId) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/motions/:motionId/poll',
      summary: 'Oylamayı aç (seçim hizmetine komut) / Open the vote (a command to elections)',
      tags: ['agendas'],
      access: board,
      request: { params: MotionIdParams, body: OpenPollBody },
      responses: { 202: { description: 'Oylama istendi / Poll requested' } },
      handler: async ({ params, body, auth }) => {
        const pollId = await openPoll(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          ...body,
        });
        return { status: 202, body: { pollId } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/public/agendas/:agendaId',
      summary: 'Genel Kurul gündemi / A General Assembly agenda',
      tags: ['public'],
      access: 'public',
      request: { params: AgendaIdParams },
      responses: { 200: { description: 'Gündem / The agenda' } },
      handler: async ({ params }) => ({
        status: 200,
        body: await agendaView(context.prisma, params.agendaId),
      }),
    }),
  ];
}
