import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import { changeRepresentative } from '../app/change-representative.js';
import { eraseMember } from '../app/erase-member.js';
import { exportMemberData } from '../app/export-member-data.js';
import { listGeneralAssemblies, scheduleGeneralAssembly } from '../app/general-assembly-meetings.js';
import { listMembers } from '../app/list-members.js';
import { updateMember } from '../app/update-member.js';
import type { MembershipPrisma } from '../membership-prisma.js';
import {
  ErasureBody,
  ListMembersQuery,
  MemberIdParams,
  MemberPage,
  MemberView,
  RepresentativeBody,
  RepresentativeParams,
  UpdateMemberBody,
} from './member-schemas.js';

export interface MemberRecordSettings {
  representativeNoticeDays: number;
}

/** Lists, updates, representatives, General Assembly dates, and the KVKK export and erasure. */
export function memberRecordRoutes(prisma: MembershipPrisma, settings: MemberRecordSettings): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/members',
      summary: 'Üyeleri listele ve ara / List and search members',
      tags: ['members'],
      access: { anyOf: ['staff', 'executive-board', 'election-committee', 'evaluation-committee'] },
      request: { query: ListMembersQuery },
      responses: { 200: { description: 'Bir sayfa üye / A page of members', schema: MemberPage } },
      handler: async ({ query }) => ({ status: 200, body: await listMembers(prisma, query) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/members/:memberId',
      summary: 'Üyenin görünen adını veya cinsiyetini güncelle / Update a member',
      tags: ['members'],
      access: { anyOf: ['staff', 'member'] },
      request: { params: MemberIdParams, body: UpdateMemberBody },
      responses: { 200: { description: 'Güncel üye / Updated member', schema: MemberView } },
      handler: async ({ params, body, auth }) => {
        if (!auth.roles.includes('staff') && auth.subject !== params.memberId)
          throw new AppError('forbidden');
        return {
          status: 200,
          body: await updateMember({ prisma, actor: auth.subject, memberId: params.memberId, changes: body }),
        };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/members/:memberId/representatives/:seat',
      summary: 'Kurumun asil veya yedek temsilcisini değiştir / Change an institution’s representative',
      tags: ['members'],
      access: { anyOf: ['staff'] },
      request: { params: RepresentativeParams, body: RepresentativeBody },
      responses: {
        200: {
          description: 'Değişikliğin geçerli olacağı gün / When the change takes effect',
          schema: z.object({ effectiveFrom: z.iso.date(), deferredPast: z.iso.date().optional() }),
        },
      },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await changeRepresentative({
          prisma,
          actor: auth.subject,
          memberId: params.memberId,
          seat: params.seat,
          representative: body,
          noticeDays: settings.representativeNoticeDays,
        }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/members/:memberId/export',
      summary: 'Kişisel verilerin dökümü (KVKK md. 11) / Export of a member’s personal data',
      tags: ['data protection'],
      access: { anyOf: ['staff', 'member'] },
      request: { params: MemberIdParams },
      responses: { 200: { description: 'Döküm / Export' } },
      handler: async ({ params, auth }) => {
        if (!auth.roles.includes('staff') && auth.subject !== params.memberId)
          throw new AppError('forbidden');
        return { status: 200, body: await exportMemberData(prisma, params.memberId) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/members/:memberId/erasure',
      summary: 'Talep üzerine kişisel verileri sil (takma adla) / Erase personal data on request',
      tags: ['data protection'],
      access: { anyOf: ['staff'] },
      request: { params: MemberIdParams, body: ErasureBody },
      responses: { 200: { description: 'Silindi / Erased' } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await eraseMember({
          prisma,
          actor: auth.subject,
          memberId: params.memberId,
          reason: body.reason,
        }),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/general-assemblies',
      summary: 'Genel Kurul tarihini kaydet / Record a General Assembly date',
      tags: ['general assembly'],
      access: { anyOf: ['staff'] },
      request: {
        body: z.object({ heldOn: z.iso.date(), title: z.string().trim().min(3).max(200) }).strict(),
      },
      responses: { 201: { description: 'Kaydedildi / Recorded' } },
      handler: async ({ body, auth }) => ({
        status: 201,
        body: await scheduleGeneralAssembly(prisma, { actor: auth.subject, ...body }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/general-assemblies',
      summary: 'Genel Kurul tarihleri / General Assembly dates',
      tags: ['general assembly'],
      access: 'public',
      responses: { 200: { description: 'Tarihler / Dates' } },
      handler: async () => ({ status: 200, body: await listGeneralAssemblies(prisma) }),
    }),
  ];
}
