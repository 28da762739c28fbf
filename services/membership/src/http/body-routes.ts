import { BodyKind } from '@konsey/contracts';
import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import { joinBodies } from '../app/join-bodies.js';
import { bodyMembers, createBody, leaveBody, listBodies } from '../app/manage-bodies.js';
import type { MembershipPrisma } from '../membership-prisma.js';

const BodyView = z
  .object({
    id: z.uuid(),
    kind: BodyKind,
    name: z.string(),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Body' });
const BodyParams = z.object({ bodyId: z.uuid() });
const BodyMemberParams = z.object({ bodyId: z.uuid(), memberId: z.uuid() });

export function bodyRoutes(prisma: MembershipPrisma): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/bodies',
      summary: 'Kurul, meclis veya çalışma grubu oluştur / Create a body',
      tags: ['bodies'],
      access: { anyOf: ['staff'] },
      request: { body: z.object({ kind: BodyKind, name: z.string().trim().min(2).max(200) }).strict() },
      responses: { 201: { description: 'Oluşturuldu / Created', schema: BodyView } },
      handler: async ({ body, auth }) => ({
        status: 201,
        body: await createBody(prisma, { actor: auth.subject, ...body }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/bodies',
      summary: 'Kurulları listele / List bodies',
      tags: ['bodies'],
      access: 'public',
      request: { query: z.object({ kind: BodyKind.optional() }) },
      responses: { 200: { description: 'Kurullar / Bodies', schema: z.array(BodyView) } },
      handler: async ({ query }) => ({ status: 200, body: await listBodies(prisma, query.kind) }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/bodies/:bodyId/members',
      summary: 'Kurulun üyeleri / Current members of a body',
      tags: ['bodies'],
      access: { anyOf: ['member', 'staff', 'executive-board', 'election-committee'] },
      request: { params: BodyParams },
      responses: { 200: { description: 'Üyeler / Members' } },
      handler: async ({ params }) => ({ status: 200, body: await bodyMembers(prisma, params.bodyId) }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/bodies/:bodyId/members/:memberId',
      summary: 'Üyeyi kurula ekle / Add a member to a body',
      tags: ['bodies'],
      access: { anyOf: ['staff'] },
      request: { params: BodyMemberParams },
      responses: { 204: { description: 'Eklendi / Added' } },
      handler: async ({ params, auth }) => {
        await prisma.$transaction((tx) =>
          joinBodies(
            tx,
            { actor: auth.subject, memberId: params.memberId, bodyIds: [params.bodyId], on: new Date() },
            'params.bodyId',
          ),
        );
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/bodies/:bodyId/members/:memberId',
      summary: 'Üyeyi kuruldan çıkar / Remove a member from a body',
      tags: ['bodies'],
      access: { anyOf: ['staff'] },
      request: { params: BodyMemberParams },
      responses: { 204: { description: 'Çıkarıldı / Removed' } },
      handler: async ({ params, auth }) => {
        await leaveBody(prisma, { actor: auth.subject, ...params, on: new Date() });
        return { status: 204 };
      },
    }),
  ];
}
