import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { Router } from 'express';
import { findMotionDetail, motionDetailInclude } from '../data/motion-repository.js';
import { atomFeed, type FeedEntry } from '../domain/atom-feed.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import { summarizeMotions } from '../domain/motion-report.js';
import { renderOfficialLetter } from '../pdf/official-letter.js';
import { ListQuery, MotionIdParams, ReportQuery } from './motion-schemas.js';
import { motionView } from './motion-views.js';
import type { MotionRoutesContext } from './route-context.js';

/** Public is what has been submitted: drafts (and drafts withdrawn unsubmitted) stay with their authors. */
const PUBLIC = { transitions: { some: { action: 'submit' } } } as const;

const OUTCOME_TR: Record<string, string> = {
  accepted: 'kabul edildi',
  rejected: 'reddedildi',
  amended: 'değiştirilerek kabul edildi',
  'referred-to-commission': 'komisyona havale edildi',
};

export function publicRoutes(context: MotionRoutesContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/public/motions',
      summary: 'Önergeler (herkese açık) / Motions, public',
      tags: ['public'],
      access: 'public',
      request: { query: ListQuery },
      responses: { 200: { description: 'Önergeler / Motions' } },
      handler: async ({ query }) => {
        const rows = await context.prisma.motion.findMany({
          where: {
            ...PUBLIC,
            ...(query.state ? { state: query.state } : {}),
            ...(query.topic ? { topic: query.topic } : {}),
          },
          include: motionDetailInclude,
          orderBy: { number: 'asc' },
        });
        return {
          status: 200,
          body: rows.map((row) => motionView(row, { audience: 'public', workflow: context.workflow })),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/public/motions/:motionId',
      summary: 'Önerge (herkese açık) / A motion, public',
      tags: ['public'],
      access: 'public',
      request: { params: MotionIdParams },
      responses: { 200: { description: 'Önerge / The motion' } },
      handler: async ({ params }) => {
        const visible = await context.prisma.motion.count({ where: { id: params.motionId, ...PUBLIC } });
        const row = visible ? await findMotionDetail(context.prisma, params.motionId) : null;
        if (!row) throw new AppError('not-found', { detail: `motion ${params.motionId}` });
        return { status: 200, body: motionView(row, { audience: 'public', workflow: context.workflow }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/public/reports/motions',
      summary: 'Önerge raporu: duruma göre, karara kadar süre, kabul oranı, gecikenler / Motion report',
      tags: ['public'],
      access: 'public',
      request: { query: ReportQuery },
      responses: { 200: { description: 'Rapor / Report' } },
      handler: async ({ query }) => {
        const rows = await context.prisma.motion.findMany({
          where: { ...PUBLIC, ...(query.topic ? { topic: query.topic } : {}) },
          orderBy: { number: 'asc' },
        });
        const selected = rows.filter((row) => !query.year || row.createdAt.getUTCFullYear() === query.year);
        const summary = summarizeMotions(
          selected.map((row) => ({
            state: row.state,
            topic: row.topic,
            createdOn: toCalendarDate(row.createdAt),
            adoptedOn: row.adoptedAt ? toCalendarDate(row.adoptedAt) : null,
            decidedOn: row.decidedOn ? toCalendarDate(row.decidedOn) : null,
            municipalOutcome: row.municipalOutcome,
            overdue: row.overdueAt !== null,
          })),
        );
        const overdue = selected
          .filter((row) => row.overdueAt)
          .map((row) => ({
            motionId: row.id,
            number: row.number,
            title: row.title,
            letterNumber: row.letterNumber,
            receivedOn: row.receivedOn ? toCalendarDate(row.receivedOn) : null,
            firstMeetingOn: row.overdueMeetingOn ? toCalendarDate(row.overdueMeetingOn) : null,
          }));
        return { status: 200, body: { ...summary, overdue } };
      },
    }),
  ];
}

/** What is not JSON: the Atom feed, the official letter as PDF, attachments. All public. */
export function publicDocumentsRouter(context: MotionRoutesContext): Router {
  const router = Router();
  router.get('/v1/public/feed.atom', async (req, res) => {
    const base = context.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`;
    const rows = await context.prisma.motion.findMany({
      where: { OR: [{ adoptedAt: { not: null } }, { decidedOn: { not: null } }] },
      orderBy: { updatedAt: 'desc' },
      take: 200,
    });
    const entries: FeedEntry[] = [];
    for (const row of rows) {
      const link = `${base}/v1/public/motions/${row.id}`;
      if (row.adoptedAt)
        entries.push({
          id: `urn:konsey:motion:${row.id}:adopted`,
          title: `Genel Kurul kararı: ${row.title}`,
          updated: row.adoptedAt.toISOString(),
          link,
          summary: `Önerge ${row.number} Genel Kurulda kabul edildi (${row.pollYes ?? 0} kabul, ${row.pollNo ?? 0} ret, ${row.pollAbstain ?? 0} çekimser).`,
        });
      if (row.decidedOn && row.municipalOutcome)
        entries.push({
          id: `urn:konsey:motion:${row.id}:decided:${row.decisionNumber ?? ''}`,
          title: `Belediye meclisi kararı: ${row.title}`,
          updated: row.updatedAt.toISOString(),
          link,
          summary:
            `Karar ${row.decisionNumber} (${toCalendarDate(row.decidedOn)}): ${OUTCOME_TR[row.municipalOutcome] ?? row.municipalOutcome}. ${row.decisionText ?? ''}`.trim(),
        });
    }
    entries.sort((a, b) => b.updated.localeCompare(a.updated));
    const xml = atomFeed({
      id: `${base}/v1/public/feed.atom`,
      title: `${context.councilName} — kararlar ve belediye meclisi kararları`,
      link: `${base}/v1/public/feed.atom`,
      updated: entries[0]?.updated ?? new Date(0).toISOString(),
      entries,
    });
    res.type('application/atom+xml; charset=utf-8').send(xml);
  });

  router.get('/v1/public/motions/:motionId/letter.pdf', async (req, res) => {
    const motion = await findOrFail(context, req.params.motionId);
    if (!motion.letterNumber || !motion.letterDate)
      throw new AppError('not-found', { detail: 'the motion has not been sent to the municipality' });
    const pdf = await renderOfficialLetter({
      councilName: context.councilName,
      municipalityName: context.municipalityName,
      letterNumber: motion.letterNumber,
      letterDate: toCalendarDate(motion.letterDate),
      motionNumber: motion.number,
      title: motion.title,
      text: motion.text,
      gaMeetingOn: motion.agenda ? toCalendarDate(motion.agenda.meetingOn) : undefined,
      votes:
        motion.pollYes !== null
          ? {
              yes: motion.pollYes,
              no: motion.pollNo ?? 0,
              abstain: motion.pollAbstain ?? 0,
              present: motion.pollPresent ?? 0,
            }
          : undefined,
    });
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="karar-${motion.number}.pdf"`)
      .send(pdf);
  });

  router.get('/v1/public/motions/:motionId/attachments/:attachmentId', async (req, res) => {
    const motion = await findOrFail(context, req.params.motionId);
    const attachment = motion.attachments.find((file) => file.id === req.params.attachmentId);
    const content = attachment ? await context.storage.get(attachment.sha256) : undefined;
    if (!attachment || !content)
      throw new AppError('not-found', { detail: `attachment ${req.params.attachmentId}` });
    res.type(attachment.mediaType).setHeader('X-Content-Type-Options', 'nosniff').send(content);
  });
  return router;
}

async function findOrFail(context: MotionRoutesContext, motionId: string) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const visible = uuid.test(motionId)
    ? await context.prisma.motion.count({ where: { id: motionId, ...PUBLIC } })
    : 0;
  const row = visible ? await findMotionDetail(context.prisma, motionId) : null;
  if (!row) throw new AppError('not-found', { detail: `motion ${motionId}` });
  return row;
}
