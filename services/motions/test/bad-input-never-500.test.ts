import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { probeBadInput, startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import { motionsService } from '../src/motions-service.js';

describe('bad input never reaches a 500', () => {
  it('holds for every route of motions, with a token holding every role', async () => {
    const issuer = await startTestTokenIssuer();
    const motions = await startTestService(motionsService(), {
      label: 'motions_no_500',
      env: { JWKS_URL: issuer.jwksUrl },
    });
    try {
      const token = await issuer.mint({ sub: randomUUID(), roles: [...Role.options] });
      const { calls, serverErrors } = await probeBadInput({ url: motions.url, token });
      expect(calls).toBeGreaterThan(50);
      expect(serverErrors).toEqual([]);
    } finally {
      await motions.stop();
      await issuer.close();
    }
  });
});
