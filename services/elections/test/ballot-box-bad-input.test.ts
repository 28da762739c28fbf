import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { probeBadInput, startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';

describe('ballot box: bad input never reaches a 500', () => {
  it.each([
    ['a member id as subject', () => randomUUID()],
    ['a staff subject that is not a member id', () => 'staff-1'],
  ])(
    'holds for every route of the ballot box, with a token holding every role and %s',
    async (_label, subject) => {
      const issuer = await startTestTokenIssuer();
      const elections = await startTestService(electionsService(), {
        label: 'ballot_box_no_500',
        env: { JWKS_URL: issuer.jwksUrl },
      });
      try {
        const token = await issuer.mint({ sub: subject(), roles: [...Role.options] });
        const { calls, serverErrors } = await probeBadInput({ url: elections.url, token });
        expect(calls).toBeGreaterThan(0);
        expect(serverErrors).toEqual([]);
      } finally {
        await elections.stop();
        await issuer.close();
      }
    },
  );
});
