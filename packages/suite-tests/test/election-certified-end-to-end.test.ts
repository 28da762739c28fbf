import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  startTestTokenIssuer,
  testRedisPrefix,
  TEST_REDIS_URL,
} from '@konsey/service-kit/testing';
import { freePort, startServiceProcess } from './service-process.js';
import { signInAsStaff } from './sign-in-as-staff.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

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

const day = (offset: number) =>
  new Date(Date.now() + 3 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('an Executive Board election from the roll membership keeps to the offices it records', () => {
  it('when the committee certifies the result, then membership records the offices held, once', async () => {
    const issuer = await startTestTokenIssuer();
    const [membershipDb, electionsDb] = [
      await createTestDatabase('e2e_cert_membership'),
      await createTestDatabase('e2e_cert_elections'),
    ];
    const dataDir = await mkdtemp(join(tmpdir(), 'konsey-e2e-'));
    const common = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix('e2e_cert'),
      OUTBOX_POLL_MS: '50',
      EVENT_BACKOFF_MS: '200',
    };
    const membership = await startServiceProcess('membership', {
      ...common,
      PORT: String(await freePort()),
      DATABASE_URL: membershipDb.url,
      DATA_DIR: dataDir,
    });
    // Elections trusts the test issuer here: what is under test is the chain of events, not sign-in.
    const elections = await startServiceProcess('elections', {
      ...common,
      PORT: String(await freePort()),
      DATABASE_URL: electionsDb.url,
      JWKS_URL: issuer.jwksUrl,
    });
    const call = async (url: string, method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await response.json().catch(() => undefined)) as Json;
      if (response.status >= 400)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    try {
      // Membership: the board body and six members, admitted by staff; elections learns them from events.
      const staff = await signInAsStaff({
        membershipUrl: membership.url,
        databaseUrl: membershipDb.url,
        dataDir,
      });
      const board = await call(membership.url, 'POST', '/v1/bodies', staff, {
        kind: 'executive-board',
        name: 'Yürütme Kurulu',
      });
      const people: Record<string, string> = {};
      for (const [name, gender] of [
        ['Ayşe Yılmaz', 'female'],
        ['Gülşen Işık', 'female'],
        ['Şule Öztürk', 'female'],
        ['Şükrü Doğan', 'male'],
        ['Oğuz Güneş', 'male'],
        ['Ümit Aydın', 'male'],
      ] as const) {
        people[name] = (
          await call(membership.url, 'POST', '/v1/members', staff, {
            kind: 'individual',
            displayName: name,
            gender,
          })
        ).id;
      }
      const electionsStaff = await issuer.mint({ sub: 'staff-1', roles: ['staff'] });
      await eventually(
        () => call(elections.url, 'GET', '/v1/roster/summary', electionsStaff),
        (summary) => summary.total === 6,
      );

      // Elections: two seats with zipper parity, a committee of three certifying with two.
      const committee = [people['Ayşe Yılmaz']!, people['Ümit Aydın']!, people['Oğuz Güneş']!];
      const committeeToken = (index: number) =>
        issuer.mint({ sub: committee[index]!, roles: ['member', 'election-committee'] });
      const election = await call(elections.url, 'POST', '/v1/elections', electionsStaff, {
        title: 'Yürütme Kurulu seçimi',
        office: 'executive-board',
        bodyId: board.id,
        settings: { seats: 2, substituteSeats: 1 },
        term: { periodStart: 2024, term: 2 },
        schedule: {
          votingDay: day(20),
          candidacyOpensOn: day(1),
          candidacyClosesOn: day(5),
          objectionsCloseOn: day(7),
          rollFreezeOn: day(10),
        },
        committee: { memberIds: committee, threshold: 2 },
      });
      const step = (action: string) =>
        call(elections.url, 'POST', `/v1/elections/${election.id}/transitions`, electionsStaff, { action });
      await step('announce');
      await step('open-candidacy');
      for (const name of ['Gülşen Işık', 'Şule Öztürk', 'Şükrü Doğan']) {
        await call(elections.url, 'POST', `/v1/elections/${election.id}/candidacies`, electionsStaff, {
          memberId: people[name],
        });
      }
      await step('close-candidacy');
      await step('freeze-roll');
      await step('open-voting');
      await step('close-voting');
      const counted = await call(
        elections.url,
        'POST',
        `/v1/elections/${election.id}/rounds/1/tally`,
        await committeeToken(0),
        {
          ballotsCast: 6,
          totals: [
            { memberId: people['Gülşen Işık'], votes: 5 },
            { memberId: people['Şule Öztürk'], votes: 4 },
            { memberId: people['Şükrü Doğan'], votes: 3 },
          ],
        },
      );
      for (const index of [0, 1]) {
        await call(
          elections.url,
          'POST',
          `/v1/elections/${election.id}/approvals`,
          await committeeToken(index),
          {
            resultHash: counted.result.hash,
          },
        );
      }

      // Membership records the offices from the certified result: zipper puts Şükrü in the second seat.
      const offices = async (name: string) =>
        call(membership.url, 'GET', `/v1/members/${people[name]}/offices`, staff);
      const gulsen = await eventually(
        () => offices('Gülşen Işık'),
        (list) => list.length === 1,
      );
      expect(gulsen[0]).toMatchObject({
        bodyId: board.id,
        office: 'executive-board',
        seat: 'full',
        source: 'election',
        term: 2,
      });
      expect((await offices('Şükrü Doğan'))[0]).toMatchObject({ seat: 'full' });
      expect((await offices('Şule Öztürk'))[0]).toMatchObject({ seat: 'substitute' });
      expect(await offices('Ayşe Yılmaz')).toEqual([]);
    } finally {
      await Promise.all([membership.stop(), elections.stop()]);
      await Promise.all([membershipDb.drop(), electionsDb.drop(), issuer.close()]);
    }
  });
});
