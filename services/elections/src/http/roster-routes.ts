import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import { Gender, MemberStatus } from '@konsey/contracts';
import { z } from 'zod';
import { rosterSummary } from '../data/roster-repository.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const RosterSummary = z
  .object({
    total: z.number().int(),
    groups: z.array(z.object({ status: MemberStatus, gender: Gender, count: z.number().int() })),
  })
  .meta({ id: 'RosterSummary' });

export function rosterRoutes(prisma: PrismaClient): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/roster/summary',
      summary: 'Seçim servisinin üye listesi özeti / Summary of the roll as elections knows it',
      tags: ['roster'],
      access: { anyOf: ['election-committee', 'staff', 'operator'] },
      responses: { 200: { description: 'Özet / Summary', schema: RosterSummary } },
      handler: async () => {
        const groups = await rosterSummary(prisma);
        return { status: 200, body: { total: groups.reduce((sum, group) => sum + group.count, 0), groups } };
      },
    }),
  ];
}
