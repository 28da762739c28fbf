import { randomUUID } from 'node:crypto';
import { isPresent } from '../src/sittings/index.js';
import { startSittings, type SittingsHarness } from './sittings-harness.js';

describe('sittings: attendance and live quorum', () => {
  let h: SittingsHarness;
  beforeAll(async () => {
    h = await startSittings('elections_sittings_attendance');
  });
  afterAll(async () => {
    await h.stop();
  });

  const createSitting = async (body: Record<string, unknown>, token = h.board) =>
    h.call('POST', '/v1/sittings', {
      token,
      body: { title: 'Genel Kurul', scheduledAt: '2026-12-05T10:00:00+03:00', ...body },
    });
  const checkIn = (sittingId: string, body: Record<string, unknown>) =>
    h.call('POST', `/v1/sittings/${sittingId}/check-ins`, { token: h.staff, body });
  const checkOut = (sittingId: string, body: Record<string, unknown>) =>
    h.call('POST', `/v1/sittings/${sittingId}/check-outs`, { token: h.staff, body });

  it('when members check in and out at the door, then the attendance list keeps the times and the quorum follows live', async () => {
    const { bodyId, members } = await h.seedBody({ size: 5 });
    const created = await createSitting({ bodyId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'scheduled', meeting: 'first', presentOnlyVoting: true });
    const sittingId = created.body.sittingId as string;

    const first = await checkIn(sittingId, { memberId: members[0] });
    expect(first.status).toBe(201);
    expect(first.body.attendance).toMatchObject({ memberId: members[0], method: 'member-id', checkedOutAt: null });
    expect(first.body.quorum).toMatchObject({ reached: false, required: 3, present: 1, members: 5 });

    const byQr = await checkIn(sittingId, { qr: `konsey:member:${members[1]}` });
    expect(byQr.body.attendance).toMatchObject({ memberId: members[1], method: 'qr' });
    const third = await checkIn(sittingId, { qr: `https://konsey.example/m/${members[2]}` });
    expect(third.body.quorum).toMatchObject({ reached: true, required: 3, present: 3, rule: 'absolute-majority' });

    expect((await h.call('POST', `/v1/sittings/${sittingId}/open`, { token: h.board })).body).toMatchObject({
      status: 'open',
      rollSize: 5,
    });
    const left = await checkOut(sittingId, { memberId: members[1] });
    expect(left.status).toBe(200);
    expect(left.body.attendance.checkedOutAt).toEqual(expect.any(String));
    expect(left.body.quorum).toMatchObject({ reached: false, present: 2, next: 'second-meeting' });
    expect(await isPresent(h.prisma, sittingId, members[1]!)).toBe(false);
    expect(await isPresent(h.prisma, sittingId, members[0]!)).toBe(true);

    // Back again: a second stay for the same member.
    await checkIn(sittingId, { memberId: members[1] });
    const list = await h.call('GET', `/v1/sittings/${sittingId}/attendance`, { token: h.staff });
    expect(list.status).toBe(200);
    expect(list.body.present).toBe(3);
    expect(list.body.attendance.filter((a: { memberId: string }) => a.memberId === members[1])).toHaveLength(2);
    expect((await h.call('GET', `/v1/sittings/${sittingId}/quorum`, { token: h.board })).body).toMatchObject({
      reached: true,
      present: 3,
    });

    const closed = await h.call('POST', `/v1/sittings/${sittingId}/close`, { token: h.staff });
    expect(closed.body.status).toBe('closed');
    const after = await h.call('GET', `/v1/sittings/${sittingId}/attendance`, { token: h.staff });
    expect(after.body.present).toBe(0);
    expect(after.body.attendance.every((a: { checkedOutAt: string | null }) => a.checkedOutAt)).toBe(true);
  });

  it('when the general assembly sits, then every active member of the council counts, and institutions come in through their representative', async () => {
    const { bodyId, members } = await h.seedBody({ size: 3, kind: 'general-assembly', institutions: 1 });
    const active = await h.prisma.rosterMember.count({ where: { status: 'active' } });
    const sittingId = (await createSitting({ bodyId })).body.sittingId as string;
    const quorum = await h.call('GET', `/v1/sittings/${sittingId}/quorum`, { token: h.staff });
    expect(quorum.body).toMatchObject({ members: active, required: Math.floor(active / 2) + 1 });

    const institution = await checkIn(sittingId, { memberId: members[0] });
    expect(institution.status).toBe(201);
    expect(institution.body.attendance).toMatchObject({ memberId: members[0], representativeName: 'Temsilci 0' });

    const bare = randomUUID();
    await h.prisma.rosterMember.create({
      data: {
        memberId: bare,
        kind: 'institutional',
        displayName: 'Temsilcisiz Oda',
        gender: 'undisclosed',
        status: 'active',
        admittedAt: new Date(),
      },
    });
    const refused = await checkIn(sittingId, { memberId: bare });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'no-representative', errors: [{ field: 'body.memberId' }] });
  });

  it('when the first meeting lacks a quorum and the council holds a second meeting without quorum (İzmir), then it proceeds with whoever comes', async () => {
    const { bodyId, members } = await h.seedBody({ size: 6 });
    const first = (await createSitting({ bodyId })).body.sittingId as string;
    await checkIn(first, { memberId: members[0] });
    expect((await h.call('GET', `/v1/sittings/${first}/quorum`, { token: h.staff })).body).toMatchObject({
      reached: false,
      required: 4,
      next: 'second-meeting',
    });
    const second = await createSitting({ bodyId, meeting: 'second', firstSittingId: first, title: 'İkinci toplantı' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ firstSittingId: first, quorumFallback: 'second-meeting-without-quorum' });
    await checkIn(second.body.sittingId, { memberId: members[1] });
    expect(
      (await h.call('GET', `/v1/sittings/${second.body.sittingId}/quorum`, { token: h.staff })).body,
    ).toMatchObject({ reached: true, required: 0, present: 1, rule: 'second-meeting-without-quorum' });
  });

  it('when the council’s fallback is a minimum attendance (Tekirdağ), then the second meeting needs that many', async () => {
    const { bodyId, members } = await h.seedBody({ size: 10 });
    const first = (await createSitting({ bodyId })).body.sittingId as string;
    const second = await createSitting({
      bodyId,
      meeting: 'second',
      firstSittingId: first,
      quorumFallback: { minimumAttendance: 3 },
    });
    expect(second.body.quorumFallback).toEqual({ minimumAttendance: 3 });
    const sittingId = second.body.sittingId as string;
    await checkIn(sittingId, { memberId: members[0] });
    const two = await checkIn(sittingId, { memberId: members[1] });
    expect(two.body.quorum).toMatchObject({ reached: false, required: 3, present: 2, rule: 'minimum-attendance' });
    const three = await checkIn(sittingId, { memberId: members[2] });
    expect(three.body.quorum).toMatchObject({ reached: true, required: 3, present: 3 });
  });

  it('when a request is wrong, then it gets a 4xx naming the field or reason and nothing changes', async () => {
    const { bodyId, members } = await h.seedBody({ size: 3 });
    const other = await h.seedBody({ size: 1 });
    const sittingId = (await createSitting({ bodyId })).body.sittingId as string;
    await checkIn(sittingId, { memberId: members[0] });
    const stays = () => h.prisma.sittingAttendance.count({ where: { sittingId } });
    const before = await stays();

    const cases: [Promise<{ status: number; body: Record<string, unknown> }>, number, string, string?][] = [
      [checkIn(sittingId, { memberId: members[0] }), 409, 'already-present', 'body.memberId'],
      [checkIn(sittingId, { memberId: other.members[0] }), 422, 'not-on-roll', 'body.memberId'],
      [checkIn(sittingId, { qr: 'not a card' }), 422, 'qr-unreadable', 'body.qr'],
      [checkIn(sittingId, { memberId: members[1], qr: members[1] }), 400, 'validation-failed', 'body.memberId'],
      [checkIn(sittingId, {}), 400, 'validation-failed', 'body.memberId'],
      [checkIn(sittingId, { memberId: 'M-12' }), 400, 'validation-failed', 'body.memberId'],
      [checkOut(sittingId, { memberId: members[2] }), 409, 'not-present', 'body.memberId'],
      [checkIn(randomUUID(), { memberId: members[1] }), 404, 'sitting-not-found', 'params.sittingId'],
      [
        h.call('POST', `/v1/sittings/${sittingId}/check-ins`, {
          token: await h.token(members[1]!, ['member']),
          body: { memberId: members[1] },
        }),
        403,
        'forbidden',
      ],
      [createSitting({ bodyId: randomUUID() }), 422, 'body-not-on-roster', 'body.bodyId'],
      [createSitting({ bodyId, meeting: 'second' }), 400, 'validation-failed', 'body.firstSittingId'],
      [
        createSitting({ bodyId: other.bodyId, meeting: 'second', firstSittingId: sittingId }),
        422,
        'first-sitting-invalid',
        'body.firstSittingId',
      ],
      [createSitting({ bodyId, quorumFallback: { minimumAttendance: 0 } }), 400, 'validation-failed'],
      [createSitting({ bodyId }, h.staff.replace(/.$/, '')), 401, 'unauthenticated'],
      [h.call('POST', `/v1/sittings/${sittingId}/close`, { token: h.staff }), 409, 'sitting-state', 'status'],
    ];
    for (const [response, status, code, field] of cases) {
      const { status: actual, body } = await response;
      expect({ actual, code: body.code }).toEqual({ actual: status, code });
      if (field) expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await stays()).toBe(before);

    await h.call('POST', `/v1/sittings/${sittingId}/open`, { token: h.board });
    const again = await h.call('POST', `/v1/sittings/${sittingId}/open`, { token: h.board });
    expect(again).toMatchObject({ status: 409, body: { code: 'sitting-state' } });
    const rival = (await createSitting({ bodyId })).body.sittingId as string;
    expect(await h.call('POST', `/v1/sittings/${rival}/open`, { token: h.board })).toMatchObject({
      status: 409,
      body: { code: 'sitting-already-open' },
    });
    await h.call('POST', `/v1/sittings/${sittingId}/close`, { token: h.board });
    expect(await checkIn(sittingId, { memberId: members[1] })).toMatchObject({
      status: 409,
      body: { code: 'sitting-state', detail: expect.stringContaining('closed') },
    });
    expect(await h.prisma.sitting.findUnique({ where: { sittingId: rival } })).toMatchObject({ status: 'scheduled' });
  });
});
