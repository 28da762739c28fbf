import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import pg from 'pg';
import { startOtlpReceiver } from './otlp-receiver.js';
import { freePort, startServiceProcess } from './service-process.js';
import { signInAsStaff } from './sign-in-as-staff.js';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in time; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('bus round trip between two service processes', () => {
  it('when staff admit a member in membership, then elections adds them to its roster exactly once, in the same trace', async () => {
    const otlp = await startOtlpReceiver();
    const membershipDb = await createTestDatabase('rt_membership');
    const electionsDb = await createTestDatabase('rt_elections');
    const dataDir = await mkdtemp(join(tmpdir(), 'konsey-rt-'));
    const [membershipPort, electionsPort] = [await freePort(), await freePort()];
    const common = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix('round_trip'),
      DATA_DIR: dataDir,
      JWKS_URL: `http://127.0.0.1:${membershipPort}/.well-known/jwks.json`,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OUTBOX_POLL_MS: '50',
    };
    const membership = await startServiceProcess('membership', { ...common, PORT: String(membershipPort), DATABASE_URL: membershipDb.url });
    const elections = await startServiceProcess('elections', { ...common, PORT: String(electionsPort), DATABASE_URL: electionsDb.url });
    const electionsPool = new pg.Pool({ connectionString: electionsDb.url });
    try {
      // A real token from membership's sign-in, verified by elections against membership's JWKS.
      const staff = await signInAsStaff({ membershipUrl: membership.url, databaseUrl: membershipDb.url, dataDir });
      const committee = staff;

      const created = await fetch(`${membership.url}/v1/members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'individual', displayName: 'Zeynep Şahin', gender: 'female' }),
      });
      expect(created.status).toBe(201);
      const member = (await created.json()) as { id: string };

      const summary = await eventually(
        async () =>
          (await (await fetch(`${elections.url}/v1/roster/summary`, { headers: { authorization: `Bearer ${committee}` } })).json()) as {
            total: number;
          },
        (body) => body.total === 1,
      );
      expect(summary).toMatchObject({ total: 1, groups: [{ status: 'active', gender: 'female', count: 1 }] });

      const inbox = await electionsPool.query('SELECT message_id, trace_id FROM konsey_inbox');
      expect(inbox.rows).toHaveLength(1);
      const roster = await electionsPool.query('SELECT member_id FROM roster_members');
      expect(roster.rows).toEqual([{ member_id: member.id }]);

      // One trace from the HTTP request in membership to the handler in elections.
      const handled = await eventually(
        async () => otlp.spans.filter((span) => span.service === 'elections' && span.name === 'handle membership.member.admitted'),
        (spans) => spans.length === 1,
      );
      const traceId = handled[0]!.traceId;
      expect(inbox.rows[0].trace_id).toBe(traceId);
      const request = await eventually(
        async () => otlp.spans.filter((span) => span.service === 'membership' && span.traceId === traceId && !span.parentSpanId),
        (spans) => spans.length === 1,
      );
      expect(request[0]!.name).toMatch(/POST/);
      expect(otlp.spans.some((span) => span.service === 'membership' && span.traceId === traceId && span.name === 'publish membership.member.admitted')).toBe(true);
    } finally {
      await Promise.all([membership.stop(), elections.stop()]);
      expect(membership.exitCode()).toBe(0);
      expect(elections.exitCode()).toBe(0);
      await electionsPool.end();
      await Promise.all([membershipDb.drop(), electionsDb.drop(), otlp.close()]);
    }
  });
});
