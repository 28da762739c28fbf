import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { admitMember } from '../app/admit-member.js';
import { changeMemberStatus } from '../app/change-member-status.js';
import { findMember } from '../data/member-repository.js';
import type { MembershipPrisma } from '../membership-prisma.js';
import { AdmitMemberBody, ChangeMemberStatusBody, MemberIdParams, MemberView } from './member-schemas.js';

export function memberRoutes(prisma: MembershipPrisma): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/members',
      summary: 'Üye kaydet (mevcut üyelerin aktarımı) / Admit a member directly',
      tags: ['members'],
      access: { anyOf: ['staff'] },
      request: { body: AdmitMemberBody },
      responses: { 201: { description: 'Üye kaydedildi / Member admitted', schema: MemberView } },
      handler: async ({ body, auth, req }) => {
        const member = await admitMember(prisma, { actor: auth.subject, ...body });
        return { status: 201, body: member, headers: { Location: `${req.baseUrl}/v1/members/${member.id}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/members/:memberId',
      summary: 'Üyeyi göster / Show a member',
      tags: ['members'],
      access: { anyOf: ['staff', 'member', 'executive-board'] },
      request: { params: MemberIdParams },
      responses: { 200: { description: 'Üye / Member', schema: MemberView } },
      handler: async ({ params, auth }) => {
        const mayReadOthers = auth.roles.some((role) => role === 'staff' || role === 'executive-board');
        if (!mayReadOthers && auth.subject !== params.memberId) throw new AppError('forbidden');
        const member = await findMember(prisma, params.memberId);
        if (!member) throw new AppError('not-found', { detail: `member ${params.memberId}` });
        return { status: 200, body: member };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/members/:memberId/status',
      summary: 'Üyeliği askıya al, yeniden etkinleştir veya sonlandır / Change a member’s status',
      tags: ['members'],
      access: { anyOf: ['staff'] },
      request: { params: MemberIdParams, body: ChangeMemberStatusBody },
      responses: { 200: { description: 'Güncel üye / Updated member', schema: MemberView } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await changeMemberStatus({ prisma, actor: auth.subject, memberId: params.memberId, ...body }),
      }),
    }),
  ];
}
