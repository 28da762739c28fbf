import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { probeBadInput, startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';

describe('bad input never reaches a 500', () => {
  it('holds for every route of elections, with a token holding every role', async () => {
    const issuer = await startTestTokenIssuer();
    const elections = await startTestService(electionsService(), {
      label: 'elections_no_500',
      env: { JWKS_URL: issuer.jwksUrl },
    });
    try {
      const token = await issuer.mint({ sub: randomUUID(), roles: [...Role.options] });
      const { calls, serverErrors } = await probeBadInput({ url: elections.url, token });
      expect(calls).toBeGreaterThan(0);
      expect(serverErrors).toEqual([]);
    } finally {
      await elections.stop();
      await issuer.close();
    }
  });
});
