import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import {
  closeMotion,
  recordMunicipalAgenda,
  recordMunicipalDecision,
  recordMunicipalMeeting,
  sendMotion,
} from '../app/municipal-steps.js';
import { findMotionDetail } from '../data/motion-repository.js';
import { actorFromToken } from '../domain/actor.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import {
  DecisionBody,
  MeetingBody,
  MeetingIdParams,
  MotionIdParams,
  MunicipalAgendaBody,
  ReasonBody,
  SendBody,
} from './motion-schemas.js';
import { motionView } from './motion-views.js';
import type { MotionRoutesContext } from './route-context.js';

export function municipalRoutes(context: MotionRoutesContext): AnyRoute[] {
  const recorders = { anyOf: ['executive-board', 'staff'] } as const;
  const show = async (motionId: string) => ({
    status: 200,
    body: motionView((await findMotionDetail(context.prisma, motionId))!, {
      audience: 'council',
      workflow: context.workflow,
    }),
  });
  return [
    defineRoute({
      method: 'post',
      path: '/v1/motions/:motionId/send',
      summary: 'Kararı belediyeye gönder (resmi yazı) / Send the decision to the municipality',
      tags: ['municipal'],
      access: { anyOf: ['executive-board'] },
      request: { params: MotionIdParams, body: SendBody },
      responses: { 200: { description: 'Önerge / The motion' } },
      handler: async ({ params, body, auth }) => {
        await sendMotion(context, { actor: actorFromToken(auth), motionId: params.motionId, ...body });
        return show(params.motionId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/municipal-meetings',
      summary: 'Belediye meclisi toplantısını takvime ekle / Add a municipal council meeting',
      tags: ['municipal'],
      access: recorders,
      request: { body: MeetingBody },
      responses: { 201: { description: 'Toplantı / The meeting' } },
      handler: async ({ body }) => {
        const id = await recordMunicipalMeeting(context.prisma, body);
        return { status: 201, body: { id, meetingOn: body.meetingOn } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/public/municipal-meetings',
      summary: 'Belediye meclisi toplantı takvimi / The municipal council’s meetings',
      tags: ['public'],
      access: 'public',
      responses: { 200: { description: 'Toplantılar / Meetings' } },
      handler: async () => {
        const meetings = await context.prisma.municipalMeeting.findMany({ orderBy: { meetingOn: 'asc' } });
        return {
          status: 200,
          body: meetings.map((m) => ({
            id: m.id,
            meetingOn: toCalendarDate(m.meetingOn),
            agendaRecorded: m.agendaRecordedAt !== null,
          })),
        };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/municipal-meetings/:meetingId/agenda',
      summary: 'Toplantının gündemindeki önergeleri kaydet / Record the motions on a meeting’s agenda',
      tags: ['municipal'],
      access: recorders,
      request: { params: MeetingIdParams, body: MunicipalAgendaBody },
      responses: { 204: { description: 'Kaydedildi / Recorded' } },
      handler: async ({ params, body, auth }) => {
        await recordMunicipalAgenda(context, {
          actor: actorFromToken(auth),
          meetingId: params.meetingId,
          items: body.items,
          today: context.today(),
        });
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/motions/:motionId/municipal-decision',
      summary: 'Belediye meclisi kararını kaydet / Record the municipal council’s decision',
      tags: ['municipal'],
      access: recorders,
      request: { params: MotionIdParams, body: DecisionBody },
      responses: { 200: { description: 'Önerge / The motion' } },
      handler: async ({ params, body, auth }) => {
        await recordMunicipalDecision(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          ...body,
        });
        return show(params.motionId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/motions/:motionId/close',
      summary: 'Önergeyi kapat / Close a motion',
      tags: ['municipal'],
      access: recorders,
      request: { params: MotionIdParams, body: ReasonBody },
      responses: { 200: { description: 'Önerge / The motion' } },
      handler: async ({ params, body, auth }) => {
        await closeMotion(context, {
          actor: actorFromToken(auth),
          motionId: params.motionId,
          note: body.reason,
        });
        return show(params.motionId);
      },
    }),
  ];
}
