import { randomUUID } from 'node:crypto';
import { createEnvelope } from '@konsey/contracts';
import { assertHandlersMatchRouting } from '@konsey/service-kit';
import { motionsService } from '../src/motions-service.js';
import { startMotions } from './start-motions.js';

describe('motions handles elections.poll.decided', () => {
  let motions: Awaited<ReturnType<typeof startMotions>>;
  beforeAll(async () => {
    motions = await startMotions('motions_poll');
  });
  afterAll(() => motions.stop());

  const votingMotion = async () => {
    const id = randomUUID();
    const pollId = randomUUID();
    await motions.prisma.motion.create({
      data: {
        id,
        title: 'Kordon’a bisiklet yolu',
        text: 'Metin',
        rationale: 'Gerekçe',
        topic: 'transport',
        originKind: 'members',
        submitterId: randomUUID(),
        submitterName: 'Ayşe Yılmaz',
        state: 'voting',
        pollId,
      },
    });
    return { id, pollId };
  };
  const decided = (id: string, pollId: string, outcome: 'adopted' | 'rejected') =>
    createEnvelope({
      type: 'elections.poll.decided',
      data: {
        pollId,
        subject: { kind: 'motion', id },
        yes: outcome === 'adopted' ? 40 : 10,
        no: outcome === 'adopted' ? 10 : 40,
        abstain: 2,
        present: 52,
        majority: 'present',
        outcome,
        decidedAt: '2026-12-01T18:00:00.000Z',
      },
    });

  it('when the worker boots, then every message routed to motions has its one handler', () => {
    const handlers = motionsService().handlers!({
      config: motions.config,
      logger: motions.service.logger,
      prisma: motions.prisma,
      pool: undefined as never,
      redis: undefined as never,
    });
    expect(() => assertHandlersMatchRouting('motions', handlers as never)).not.toThrow();
  });

  it('when the poll adopted the motion, then the counts are recorded, the motion is adopted and announced once', async () => {
    const { id, pollId } = await votingMotion();
    const envelope = decided(id, pollId, 'adopted');
    expect(await motions.deliver(envelope)).toBe('handled');
    expect(await motions.deliver(envelope)).toBe('duplicate');
    const motion = await motions.prisma.motion.findUniqueOrThrow({ where: { id } });
    expect(motion).toMatchObject({
      state: 'adopted',
      pollYes: 40,
      pollNo: 10,
      pollAbstain: 2,
      pollPresent: 52,
      pollOutcome: 'adopted',
    });
    const events = (await motions.outbox()).filter((row) => row.envelope.data.motionId === id);
    expect(events.map((row) => row.type)).toEqual(['motions.motion.adopted']);
    const audit = await motions.prisma.motionTransition.findMany({ where: { motionId: id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'record-poll-adopted', actorRole: 'system', toState: 'adopted' }),
    ]);
  });

  it('when the poll rejected the motion, then it is rejected at the General Assembly', async () => {
    const { id, pollId } = await votingMotion();
    await motions.deliver(decided(id, pollId, 'rejected'));
    expect((await motions.prisma.motion.findUniqueOrThrow({ where: { id } })).state).toBe('rejected');
    const events = (await motions.outbox()).filter((row) => row.envelope.data.motionId === id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'motions.motion.rejected',
        envelope: expect.objectContaining({ data: expect.objectContaining({ stage: 'general-assembly' }) }),
      }),
    ]);
  });

  it('when a result names a poll motions did not open, then handling fails and nothing is recorded', async () => {
    const { id } = await votingMotion();
    await expect(motions.deliver(decided(id, randomUUID(), 'adopted'))).rejects.toThrow(/not the open poll/);
    expect((await motions.prisma.motion.findUniqueOrThrow({ where: { id } })).state).toBe('voting');
  });
});
