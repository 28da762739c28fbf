// One election ready for ballots: a roster of voters, 25 candidates for 15 seats (the reference ballot:
// 25 options, at most 15 marks), a 2-of-3 committee that runs the key ceremony with the committee CLI's
// code, voting open, and a credential per voter.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { confirm, keygen, publish, shares } from '../dist/ballot-box/cli/committee-commands.js';

export const CANDIDATES = 25;
export const MAX_MARKS = 15;

function createCall(baseUrl) {
  return async (method, path, { token, body } = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
  };
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function insertRoster(pool, memberIds) {
  for (let i = 0; i < memberIds.length; i += 10_000) {
    const ids = memberIds.slice(i, i + 10_000);
    await pool.query(
      `INSERT INTO roster_members (member_id, kind, display_name, gender, status, admitted_at, updated_at)
       SELECT id, 'individual', 'Üye ' || n, CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END::"Gender", 'active', '2020-01-01', now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids],
    );
  }
}

/**
 * The voters join the roll after the freeze, written in bulk with the same rows freeze-roll writes:
 * freeze-roll builds the roll in one interactive transaction under Prisma's 5 s limit, which a roll of
 * ~20,000 members already exceeds on this machine (a 500). The ceremony then sizes `maxBallots` from
 * `registered`, so it is set before the ceremony starts.
 */
async function addToFrozenRoll(pool, electionId, memberIds) {
  await insertRoster(pool, memberIds);
  for (let i = 0; i < memberIds.length; i += 10_000)
    await pool.query(
      `INSERT INTO election_roll (election_id, member_id, kind, voting_gender, display_name)
       SELECT $1::uuid, member_id, kind, gender, display_name FROM roster_members WHERE member_id = ANY($2::uuid[])`,
      [electionId, memberIds.slice(i, i + 10_000)],
    );
  await pool.query('UPDATE elections SET registered = registered + $2 WHERE id = $1', [
    electionId,
    memberIds.length,
  ]);
}

/** Credentials as the check-in desk would have issued them, written in bulk (the API issues one per call). */
async function insertCredentials(pool, electionId, memberIds) {
  const bindings = memberIds.map(() => randomBytes(32).toString('base64url'));
  for (let i = 0; i < memberIds.length; i += 10_000)
    await pool.query(
      `INSERT INTO ballot_credentials (election_id, member_id, voter_binding)
       SELECT $1::uuid, m, b FROM unnest($2::uuid[], $3::text[]) AS t(m, b)`,
      [electionId, memberIds.slice(i, i + 10_000), bindings.slice(i, i + 10_000)],
    );
  return bindings;
}

async function expectStatus(answer, status, what) {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body;
}

/**
 * Returns the election id, the voters (member id, voter binding, token), the published context (what
 * a phone encrypts under) and `committee`, the CLI options of the three members (key files on disk).
 */
export async function openElection({ url, databaseUrl, issuer, voters: voterCount }) {
  const call = createCall(url);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const staff = await issuer.mint({ sub: 'staff-bench', roles: ['staff'], ttlSeconds: 3600 });
    const candidates = Array.from({ length: CANDIDATES }, () => randomUUID()).sort();
    const committeeIds = Array.from({ length: 3 }, () => randomUUID()).sort();
    const voterIds = Array.from({ length: voterCount }, () => randomUUID());
    await insertRoster(pool, [...candidates, ...committeeIds]);
    const bodyId = randomUUID();
    await pool.query(
      `INSERT INTO roster_bodies (body_id, kind, name, created_at) VALUES ($1, 'executive-board', 'Yürütme Kurulu', now())`,
      [bodyId],
    );

    const created = await expectStatus(
      await call('POST', '/v1/elections', {
        token: staff,
        body: {
          title: 'Yürütme Kurulu seçimi (bench)',
          office: 'executive-board',
          bodyId,
          settings: { seats: MAX_MARKS },
          term: { periodStart: 2024, term: 1 },
          schedule: {
            votingDay: day(40),
            candidacyOpensOn: day(10),
            candidacyClosesOn: day(20),
            objectionsCloseOn: day(25),
            rollFreezeOn: day(30),
          },
          committee: { memberIds: committeeIds, threshold: 2 },
        },
      }),
      201,
      'create election',
    );
    const electionId = created.id;
    const step = async (action) =>
      expectStatus(
        await call('POST', `/v1/elections/${electionId}/transitions`, { token: staff, body: { action } }),
        200,
        action,
      );
    await step('announce');
    await step('open-candidacy');
    for (const memberId of candidates)
      await expectStatus(
        await call('POST', `/v1/elections/${electionId}/candidacies`, { token: staff, body: { memberId } }),
        201,
        'candidacy',
      );
    await step('close-candidacy');
    await step('freeze-roll');
    await addToFrozenRoll(pool, electionId, voterIds);

    const dir = await mkdtemp(join(tmpdir(), 'konsey-bench-committee-'));
    const committee = await Promise.all(
      committeeIds.map(async (memberId, i) => ({
        election: electionId,
        url,
        token: await issuer.mint({
          sub: memberId,
          roles: ['member', 'election-committee'],
          ttlSeconds: 3600,
        }),
        keyFile: join(dir, `member-${i + 1}.key`),
      })),
    );
    for (const command of [keygen, publish, shares, confirm])
      for (const member of committee) await command(member);
    await step('open-voting');

    const bindings = await insertCredentials(pool, electionId, voterIds);
    const context = await expectStatus(
      await call('GET', `/v1/elections/${electionId}/ballot-box/context`, { token: staff }),
      200,
      'ballot context',
    );
    const tokens = await Promise.all(
      voterIds.map((sub) => issuer.mint({ sub, roles: ['member'], ttlSeconds: 3600 })),
    );
    const voters = voterIds.map((memberId, i) => ({ memberId, voterBinding: bindings[i], token: tokens[i] }));
    return { electionId, voters, context, committee, staff, call, step };
  } finally {
    await pool.end();
  }
}
