import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { runService } from '@konsey/service-kit';
import {
  createTestDatabase,
  probeBadInput,
  startTestTokenIssuer,
  testRedisPrefix,
  TEST_REDIS_URL,
} from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';

describe('bad input never reaches a 500', () => {
  it('holds for every route of elections, with a token holding every role', async () => {
    const database = await createTestDatabase('elections_no_500');
    const issuer = await startTestTokenIssuer();
    const service = await runService({
      ...electionsService(),
      env: {
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: testRedisPrefix('elections_no_500'),
        JWKS_URL: issuer.jwksUrl,
        LOG_LEVEL: 'silent',
        KONSEY_PROCESS: 'api',
      },
    });
    try {
      const { calls, serverErrors } = await probeBadInput({
        url: service.url!,
        token: await issuer.mint({ sub: randomUUID(), roles: [...Role.options] }),
      });
      expect(calls).toBeGreaterThan(0);
      expect(serverErrors).toEqual([]);
    } finally {
      await service.stop();
      await issuer.close();
      await database.drop();
    }
  });
});
