import { startSittings, type SittingsHarness } from './sittings-harness.js';

describe('polls on motions', () => {
  let h: SittingsHarness;
  beforeAll(async () => {
    h = await startSittings('elections_sittings_polls');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('when motions sends the same poll command twice (even as two messages), then one poll waits for a sitting', async () => {
    const { bodyId } = await h.seedBody({ size: 3 });
    const command = h.pollCommand({ bodyId });
    expect(await h.deliver(command)).toBe('handled');
    expect(await h.deliver(command)).toBe('duplicate');
    const resent = h.pollCommand({ ...command.data, bodyId });
    expect(await h.deliver(resent)).toBe('handled');
    const polls = await h.prisma.poll.findMany({ where: { bodyId } });
    expect(polls).toHaveLength(1);
    expect(polls[0]).toMatchObject({ pollId: command.data.pollId, status: 'pending', sittingId: null });
  });
});
