import { randomUUID } from 'node:crypto';
import { Role } from '@konsey/contracts';
import { probeBadInput, startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import { notificationsService } from '../src/notifications-service.js';

describe('bad input never reaches a 500', () => {
  it('holds for every route of notifications, with a token holding every role', async () => {
    const issuer = await startTestTokenIssuer();
    const notifications = await startTestService(notificationsService(), {
      label: 'notifications_no_500',
      env: { JWKS_URL: issuer.jwksUrl },
    });
    try {
      const token = await issuer.mint({ sub: randomUUID(), roles: [...Role.options] });
      const { calls, serverErrors } = await probeBadInput({ url: notifications.url, token });
      expect(calls).toBeGreaterThan(20);
      expect(serverErrors).toEqual([]);
    } finally {
      await notifications.stop();
      await issuer.close();
    }
  });
});
