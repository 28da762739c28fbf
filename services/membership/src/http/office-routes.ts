import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import { importOfficeHistory } from '../app/import-office-history.js';
import { officeRecordsOfMember } from '../data/office-repository.js';
import { toCalendarDate } from '../domain/calendar-date.js';
import type { MembershipPrisma } from '../membership-prisma.js';

const OfficeRecordView = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    office: z.string(),
    seat: z.enum(['full', 'substitute']),
    periodStart: z.number(),
    term: z.number(),
    from: z.string(),
    to: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    source: z.string(),
  })
  .meta({ id: 'OfficeRecord' });

export function officeRoutes(prisma: MembershipPrisma): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/offices/import',
      summary:
        'Geçmiş görev kayıtlarını CSV ile içe aktar (hepsi ya da hiçbiri) / Import office history from CSV, all or nothing',
      tags: ['offices'],
      access: { anyOf: ['staff'] },
      textBody: { mediaType: 'text/csv', limit: '2mb' },
      request: { body: z.string().min(1, 'the CSV file is empty') },
      responses: {
        201: { description: 'İçe aktarıldı / Imported', schema: z.object({ imported: z.number().int() }) },
      },
      handler: async ({ body, auth }) => ({
        status: 201,
        body: await importOfficeHistory({ prisma, actor: auth.subject, csv: body }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/members/:memberId/offices',
      summary: 'Üyenin üstlendiği görevler / Offices a member has held',
      tags: ['offices'],
      access: { anyOf: ['member', 'staff', 'executive-board', 'election-committee'] },
      request: { params: z.object({ memberId: z.uuid() }) },
      responses: { 200: { description: 'Görevler / Offices', schema: z.array(OfficeRecordView) } },
      handler: async ({ params }) => {
        const rows = await officeRecordsOfMember(prisma, params.memberId);
        return {
          status: 200,
          body: rows.map((row) => ({
            id: row.id,
            bodyId: row.bodyId,
            office: row.office,
            seat: row.seat,
            periodStart: row.periodStart,
            term: row.term,
            from: toCalendarDate(row.fromDate),
            to: row.toDate ? toCalendarDate(row.toDate) : null,
            endedOn: row.endedOn ? toCalendarDate(row.endedOn) : null,
            endReason: row.endReason,
            source: row.source,
          })),
        };
      },
    }),
  ];
}
