import { defineRoute, type AnyRoute } from '@konsey/service-kit';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { closeSitting } from '../app/close-sitting.js';
import { createSitting } from '../app/create-sitting.js';
import { openSitting } from '../app/open-sitting.js';
import { getAttendance, getQuorum, getSitting } from '../app/read-sittings.js';
import { checkIn, checkOut } from '../app/record-attendance.js';
import {
  AttendanceView,
  CreateSittingRequest,
  DoorRequest,
  PollView,
  QuorumView,
  SittingParams,
  SittingView,
} from './sitting-schemas.js';

const organisers = { anyOf: ['staff', 'executive-board'] } as const;
const door = { anyOf: ['staff'] } as const;
const AttendanceChange = z.object({ attendance: AttendanceView, quorum: QuorumView });

export function sittingHttpRoutes(prisma: PrismaClient): AnyRoute[] {
  const inTransaction = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => prisma.$transaction(work);
  return [
    defineRoute({
      method: 'post',
      path: '/v1/sittings',
      summary: 'Toplantı planla / Schedule a sitting of a body',
      tags: ['sittings'],
      access: organisers,
      request: { body: CreateSittingRequest },
      responses: { 201: { description: 'Planlandı / Scheduled', schema: SittingView } },
      handler: async ({ body, auth }) => ({
        status: 201,
        body: await inTransaction((tx) =>
          createSitting(tx, { ...body, actor: auth.subject, scheduledAt: new Date(body.scheduledAt) }),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/sittings/:sittingId',
      summary: 'Toplantı, canlı yeter sayı ve önergeler / A sitting with its live quorum and polls',
      tags: ['sittings'],
      access: { anyOf: ['staff', 'executive-board', 'member'] },
      request: { params: SittingParams },
      responses: {
        200: {
          description: 'Toplantı / Sitting',
          schema: SittingView.extend({ quorum: QuorumView, polls: z.array(PollView) }),
        },
      },
      handler: async ({ params }) => ({ status: 200, body: await getSitting(prisma, params.sittingId) }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/sittings/:sittingId/open',
      summary: 'Toplantıyı aç / Open the sitting (freezes the roll, attaches waiting polls)',
      tags: ['sittings'],
      access: organisers,
      request: { params: SittingParams },
      responses: {
        200: { description: 'Açıldı / Opened', schema: SittingView.extend({ attachedPolls: z.number().int() }) },
      },
      handler: async ({ params }) => ({
        status: 200,
        body: await inTransaction((tx) => openSitting(tx, { sittingId: params.sittingId, at: new Date() })),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/sittings/:sittingId/close',
      summary: 'Toplantıyı kapat / Close the sitting',
      tags: ['sittings'],
      access: organisers,
      request: { params: SittingParams },
      responses: {
        200: { description: 'Kapandı / Closed', schema: SittingView.extend({ returnedPolls: z.number().int() }) },
      },
      handler: async ({ params, auth }) => ({
        status: 200,
        body: await inTransaction((tx) =>
          closeSitting(tx, { sittingId: params.sittingId, actor: auth.subject, at: new Date() }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/sittings/:sittingId/check-ins',
      summary: 'Girişte yoklamaya yaz (üye no veya QR) / Check a member in at the door (id or QR)',
      tags: ['sittings'],
      access: door,
      request: { params: SittingParams, body: DoorRequest },
      responses: { 201: { description: 'Giriş yapıldı / Checked in', schema: AttendanceChange } },
      handler: async ({ params, body, auth }) => ({
        status: 201,
        body: await inTransaction((tx) =>
          checkIn(tx, { sittingId: params.sittingId, input: body, actor: auth.subject, at: new Date() }),
        ),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/sittings/:sittingId/check-outs',
      summary: 'Çıkışı kaydet / Check a member out',
      tags: ['sittings'],
      access: door,
      request: { params: SittingParams, body: DoorRequest },
      responses: { 200: { description: 'Çıkış yapıldı / Checked out', schema: AttendanceChange } },
      handler: async ({ params, body, auth }) => ({
        status: 200,
        body: await inTransaction((tx) =>
          checkOut(tx, { sittingId: params.sittingId, input: body, actor: auth.subject, at: new Date() }),
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/sittings/:sittingId/attendance',
      summary: 'Hazirun: giriş ve çıkış saatleriyle / Attendance list with times',
      tags: ['sittings'],
      access: organisers,
      request: { params: SittingParams },
      responses: {
        200: {
          description: 'Yoklama / Attendance',
          schema: z.object({
            sittingId: z.uuid(),
            present: z.number().int(),
            quorum: QuorumView,
            attendance: z.array(AttendanceView),
          }),
        },
      },
      handler: async ({ params }) => ({ status: 200, body: await getAttendance(prisma, params.sittingId) }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/sittings/:sittingId/quorum',
      summary: 'Canlı toplantı yeter sayısı / Live quorum',
      tags: ['sittings'],
      access: { anyOf: ['staff', 'executive-board', 'member'] },
      request: { params: SittingParams },
      responses: { 200: { description: 'Yeter sayı / Quorum', schema: QuorumView } },
      handler: async ({ params }) => ({ status: 200, body: await getQuorum(prisma, params.sittingId) }),
    }),
  ];
}
