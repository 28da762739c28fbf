import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { probeBadInput } from '@konsey/service-kit/testing';
import { startMembership } from './start-membership.js';

describe('bad input never reaches a 500', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  beforeAll(async () => {
    m = await startMembership('membership_no_500');
  });
  afterAll(() => m.stop());

  it('holds for every route of membership, with a token holding every role', async () => {
    const { calls, serverErrors } = await probeBadInput({
      url: m.service.url!,
      token: await m.token(randomUUID(), [...Role.options]),
    });
    expect(calls).toBeGreaterThan(100);
    expect(serverErrors).toEqual([]);
  });
});
