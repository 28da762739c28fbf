import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  startTestTokenIssuer,
  testRedisPrefix,
  TEST_REDIS_URL,
} from '@konsey/service-kit/testing';
import pg from 'pg';
import { freePort, startServiceProcess } from './service-process.js';

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in time; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('a motion voted by the General Assembly through a real elections poll', () => {
  it('when the board puts a motion to the vote, then elections runs the poll at the sitting and motions records it adopted', async () => {
    const issuer = await startTestTokenIssuer();
    const [motionsDb, electionsDb] = [
      await createTestDatabase('e2e_motions'),
      await createTestDatabase('e2e_elections'),
    ];
    const common = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix('e2e_poll'),
      JWKS_URL: issuer.jwksUrl,
      OUTBOX_POLL_MS: '50',
      EVENT_BACKOFF_MS: '200',
    };
    const elections = await startServiceProcess('elections', {
      ...common,
      PORT: String(await freePort()),
      DATABASE_URL: electionsDb.url,
    });
    const motions = await startServiceProcess('motions', {
      ...common,
      PORT: String(await freePort()),
      DATABASE_URL: motionsDb.url,
    });
    const rosterDb = new pg.Client({ connectionString: electionsDb.url });
    await rosterDb.connect();
    try {
      // The roll elections learned from membership: a General Assembly of five active members.
      const assembly = randomUUID();
      const members = Array.from({ length: 5 }, () => randomUUID());
      await rosterDb.query(
        `INSERT INTO roster_bodies (body_id, kind, name, created_at) VALUES ($1, 'general-assembly', 'Genel Kurul', now())`,
        [assembly],
      );
      for (const [index, id] of members.entries()) {
        await rosterDb.query(
          `INSERT INTO roster_members (member_id, kind, display_name, gender, status, admitted_at, updated_at)
           VALUES ($1, 'individual', $2, $3, 'active', now(), now())`,
          [id, `Üye ${index + 1}`, index % 2 ? 'male' : 'female'],
        );
      }
      const staff = await issuer.mint({ sub: 'staff-1', roles: ['staff'] });
      const board = await issuer.mint({ sub: 'board-1', roles: ['executive-board'] });
      const call = async (url: string, method: string, path: string, token: string, body?: unknown) => {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const json = (await response.json().catch(() => undefined)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        if (response.status >= 400)
          throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
        return json;
      };

      // Motions: a member motion with three co-sponsors, accepted by the board, on the GA's agenda, put to the vote.
      const submitter = randomUUID();
      const motion = await call(
        motions.url,
        'POST',
        '/v1/motions',
        await issuer.mint({ sub: submitter, roles: ['member'] }),
        {
          title: 'Körfez’de deniz ulaşımı gece seferleri',
          text: 'Gece vapur seferleri başlatılsın.',
          rationale: 'Vardiyalı çalışanların ulaşımı.',
          topic: 'transport',
          origin: { kind: 'members' },
          displayName: 'Ayşe Yılmaz',
        },
      );
      for (const name of ['Gülşen Işık', 'İsmail Çağlar', 'Şükrü Öz']) {
        await call(
          motions.url,
          'POST',
          `/v1/motions/${motion.id}/co-sponsors`,
          await issuer.mint({ sub: randomUUID(), roles: ['member'] }),
          {
            displayName: name,
          },
        );
      }
      await call(
        motions.url,
        'POST',
        `/v1/motions/${motion.id}/submit`,
        await issuer.mint({ sub: submitter, roles: ['member'] }),
        {},
      );
      await call(motions.url, 'POST', `/v1/motions/${motion.id}/review`, board, { action: 'start-review' });
      await call(motions.url, 'POST', `/v1/motions/${motion.id}/review`, board, { action: 'accept' });
      const agenda = await call(motions.url, 'POST', '/v1/agendas', board, {
        bodyId: assembly,
        meetingOn: '2027-02-20',
        title: 'Olağan Genel Kurul',
      });
      await call(motions.url, 'POST', `/v1/agendas/${agenda.id}/motions`, board, { motionId: motion.id });
      const { pollId } = await call(motions.url, 'POST', `/v1/motions/${motion.id}/poll`, board, {});

      // Elections: the poll arrives over the queue and waits for a sitting of the assembly.
      await eventually(
        () =>
          fetch(`${elections.url}/v1/polls/${pollId}`, {
            headers: { authorization: `Bearer ${staff}` },
          }).then((r) => r.status),
        (status) => status === 200,
      );
      const sitting = await call(elections.url, 'POST', '/v1/sittings', staff, {
        bodyId: assembly,
        title: 'Olağan Genel Kurul',
        scheduledAt: new Date().toISOString(),
      });
      await call(elections.url, 'POST', `/v1/sittings/${sitting.sittingId}/open`, staff, {});
      for (const memberId of members.slice(0, 4)) {
        await call(elections.url, 'POST', `/v1/sittings/${sitting.sittingId}/check-ins`, staff, { memberId });
      }
      await call(elections.url, 'POST', `/v1/polls/${pollId}/open`, staff, {});
      const choices = ['yes', 'yes', 'yes', 'no'] as const;
      for (const [index, memberId] of members.slice(0, 4).entries()) {
        await call(
          elections.url,
          'PUT',
          `/v1/polls/${pollId}/vote`,
          await issuer.mint({ sub: memberId, roles: ['member'] }),
          {
            choice: choices[index],
          },
        );
      }
      const absent = await fetch(`${elections.url}/v1/polls/${pollId}/vote`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await issuer.mint({ sub: members[4]!, roles: ['member'] })}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ choice: 'no' }),
      });
      expect(absent.status).toBe(403);
      await call(elections.url, 'POST', `/v1/polls/${pollId}/close`, staff, {});

      // Motions: the decided event comes back over the queue; the motion is adopted, with the counts.
      const adopted = await eventually(
        () =>
          fetch(`${motions.url}/v1/public/motions/${motion.id}`).then(
            (r) => r.json() as Promise<Record<string, unknown>>,
          ),
        (view) => view.state === 'adopted',
      );
      expect(adopted.state).toBe('adopted');
      const result = await (await fetch(`${elections.url}/v1/polls/${pollId}/result`)).json();
      expect(result).toMatchObject({
        status: 'closed',
        result: { yes: 3, no: 1, abstain: 0, present: 4, outcome: 'adopted' },
      });
    } finally {
      await rosterDb.end();
      await Promise.all([motions.stop(), elections.stop()]);
      await Promise.all([motionsDb.drop(), electionsDb.drop(), issuer.close()]);
    }
  });
});
