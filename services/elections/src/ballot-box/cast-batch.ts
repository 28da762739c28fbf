import { randomUUID } from 'node:crypto';
import {
  BallotCryptoError,
  ballotHashOfJson,
  fromHex,
  toHex,
  trackingCode,
  type BallotJson,
  type ElectionManifest,
} from '@konsey/ballot-crypto';
import { AppError } from '@konsey/service-kit';
import type { Pool, PoolClient } from 'pg';
import { fail } from './ballot-box-errors.js';
import type { BallotBody, CastAnswer, CastOutcome } from './cast-ballot.js';
import { UUID, type Caller } from './ceremony.js';

/** A batch waits on others' locks at most this long before it fails (the voters retry). */
const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Taking ballots in at a peak. Each request is checked on its own first, without decoding a point (its
 * shape against the round's ballot, its hash and tracking code from the wire form). Requests arriving
 * within a couple of milliseconds are then stored together, in ONE transaction of a handful of
 * statements whatever their number: the voters' advisory locks, their Idempotency-Keys, the elections'
 * state, each voter's roll entry, credential, box rules and live ballots, one multi-row insert of the
 * ballots and one of the keys. A peak of casts costs a few commits, not one per ballot, so intake can
 * outrun PostgreSQL's one-row-per-commit rate. Each request still gets its own answer: 202, a replay,
 * or its own 4xx; the workers then decode strictly and check the proofs.
 */

export interface CastRequest {
  electionId: string;
  caller: Caller;
  idempotencyKey: string;
  body: BallotBody;
  /** The body's JSON as sent (stored as is); without it the body is serialised again. */
  rawBody?: string;
}

/** What a cast needs of the round being voted: its number, ceremony, base hash and ballot. */
interface CastingRound {
  round: number;
  ceremonyId: string;
  baseHash: Uint8Array;
  manifest: ElectionManifest;
}

interface Prepared {
  request: CastRequest;
  casting: CastingRound | null;
  /** The ballot's hash: it covers the whole body, so it is also what an Idempotency-Key is bound to. */
  hashHex: string;
  code: string;
  key: string;
  fresh: boolean;
}

type Verdict = CastOutcome | Error | 'round-moved';

/** Sizes only (the points and proofs are checked by the verification workers): contests, options, branches. */
function checkShape(manifest: ElectionManifest, ballot: BallotBody['ballot']): string | undefined {
  if (ballot.contests.length !== manifest.contests.length)
    return `expected ${manifest.contests.length} contests`;
  for (const [ci, contest] of manifest.contests.entries()) {
    const cast = ballot.contests[ci]!;
    if (cast.selections.length !== contest.options.length)
      return `contest ${ci}: expected ${contest.options.length} selections, got ${cast.selections.length}`;
    const branches = contest.maxSelections - contest.minSelections + 1;
    const sized = (p: BallotBody['ballot']['contests'][number]['proof'], n: number) =>
      p.commitments.length === n && p.challenges.length === n && p.responses.length === n;
    if (!cast.selections.every((s) => sized(s.proof, 2)))
      return `contest ${ci}: every selection proof has 2 branches`;
    if (!sized(cast.proof, branches)) return `contest ${ci}: the contest proof has ${branches} branches`;
  }
  return undefined;
}

interface StoredAnswer {
  key: string;
  request_hash: string;
  response_status: number;
  response_body: CastAnswer;
}

interface VoterFacts {
  on_roll: boolean;
  voter_binding: string | null;
  recast: string | null;
  /** The sitting voters must be checked in at (voting in person), and whether this one is. */
  sitting_id: string | null;
  present: boolean;
}

export class CastBatcher {
  /** The ceremony of an election's current round does not change while it is voted: kept for a moment. */
  private readonly rounds = new Map<string, { value: CastingRound | null; until: number }>();
  private queue: { item: Prepared; settle: (verdict: Verdict) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = 0;

  constructor(
    private readonly pool: Pool,
    private readonly options: { maxBatch?: number; lingerMs?: number; maxConcurrentBatches?: number } = {},
  ) {}

  /** Take one ballot in: 202 with its tracking code, a replayed answer, or the request's own refusal. */
  async cast(request: CastRequest): Promise<CastOutcome> {
    const first = await this.submit(await this.prepare(request, false));
    if (first !== 'round-moved') return first;
    this.rounds.delete(request.electionId);
    const second = await this.submit(await this.prepare(request, true));
    if (second === 'round-moved')
      throw fail(
        'ballot-voting-closed',
        `the round of election ${request.electionId} has just changed; cast again`,
      );
    return second;
  }

  private async castingRound(electionId: string, fresh: boolean): Promise<CastingRound | null> {
    const cached = this.rounds.get(electionId);
    if (!fresh && cached && cached.until > Date.now()) return cached.value;
    const { rows } = await this.pool.query<{
      round: number;
      id: string;
      base_hash: string;
      manifest: ElectionManifest;
    }>(
      `SELECT e.round, c.id::text, c.base_hash, c.manifest FROM elections e
       JOIN ballot_ceremonies c ON c.election_id = e.id AND c.round = e.round AND c.status = 'complete'
       WHERE e.id = $1::uuid`,
      [electionId],
    );
    const row = rows[0];
    const value = row
      ? { round: row.round, ceremonyId: row.id, baseHash: fromHex(row.base_hash), manifest: row.manifest }
      : null;
    this.rounds.set(electionId, { value, until: Date.now() + 1_000 });
    return value;
  }

  private async prepare(request: CastRequest, fresh: boolean): Promise<Prepared> {
    const casting = await this.castingRound(request.electionId, fresh);
    let hashHex = '';
    let code = '';
    if (casting) {
      try {
        const shape = checkShape(casting.manifest, request.body.ballot);
        if (shape) throw fail('ballot-malformed', shape);
        const hash = ballotHashOfJson(casting.baseHash, request.body.ballot as BallotJson);
        hashHex = toHex(hash);
        code = trackingCode(hash);
      } catch (error) {
        // The round kept for a moment may have just been followed by another, with another ballot.
        if (!fresh) return this.prepare(request, true);
        if (error instanceof BallotCryptoError) throw fail('ballot-malformed', error.message);
        throw error;
      }
    }
    const key = `cast:${request.electionId}:${request.caller.subject}:${request.idempotencyKey}`;
    return { request, casting, hashHex, code, key, fresh };
  }

  private async submit(item: Prepared): Promise<CastOutcome | 'round-moved'> {
    const verdict = await new Promise<Verdict>((settle) => {
      this.queue.push({ item, settle });
      if (this.queue.length >= (this.options.maxBatch ?? 200)) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs ?? 2);
    });
    if (verdict instanceof Error) throw verdict;
    return verdict;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    // A few batches at a time: while they commit, the next requests gather into the following batch.
    if (this.running >= (this.options.maxConcurrentBatches ?? 2)) {
      this.timer = setTimeout(() => this.flush(), 1);
      return;
    }
    const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
    this.running += 1;
    storeBatch(
      this.pool,
      batch.map((b) => b.item),
    )
      .then((verdicts) => batch.forEach((b, i) => b.settle(verdicts[i]!)))
      .catch((error: unknown) => batch.forEach((b) => b.settle(error as Error)))
      .finally(() => {
        this.running -= 1;
        if (this.queue.length > 0) this.timer ??= setTimeout(() => this.flush(), 0);
      });
  }
}

/** The whole batch in one transaction on a pool connection; one verdict per item, in order. */
async function storeBatch(pool: Pool, items: Prepared[]): Promise<Verdict[]> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    const verdicts = await storeInTransaction(client, items);
    await client.query('COMMIT');
    return verdicts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function storeInTransaction(db: PoolClient, items: Prepared[]): Promise<Verdict[]> {
  const voterLocks = [
    ...new Set(
      items.map((i) => `konsey/ballot-box/voter/${i.request.electionId}/${i.request.caller.subject}`),
    ),
  ].sort();
  await db.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS locked
     FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS ordered`,
    [voterLocks],
  );
  const electionIds = [...new Set(items.map((i) => i.request.electionId))];
  const voters = items.filter((i) => UUID.test(i.request.caller.subject));
  // Everything the verdicts need, in one round trip (taken after the voters' locks, so nothing read here
  // about them can change before commit). FOR SHARE: a concurrent transition (close-voting locks the
  // election FOR UPDATE) waits for the casts in flight, and a cast that waited sees its new state.
  const [facts] = (
    await db.query<{
      stored: StoredAnswer[];
      elections: { id: string; status: string; round: number }[];
      voters: (VoterFacts & { election_id: string; member_id: string })[];
      live: { election_id: string; member_id: string; round: number; status: string }[];
    }>(
      `SELECT
         (SELECT coalesce(json_agg(k), '[]') FROM (
            SELECT key, request_hash, response_status, response_body FROM ballot_idempotency_keys
            WHERE key = ANY($1::text[])) k) AS stored,
         (SELECT coalesce(json_agg(e), '[]') FROM (
            SELECT id::text, status, round FROM elections WHERE id = ANY($2::uuid[]) ORDER BY id FOR SHARE) e) AS elections,
         (SELECT coalesce(json_agg(f), '[]') FROM (
            SELECT v.election_id::text, v.member_id::text,
                   EXISTS (SELECT 1 FROM election_roll r WHERE r.election_id = v.election_id AND r.member_id = v.member_id) AS on_roll,
                   (SELECT c.voter_binding FROM ballot_credentials c WHERE c.election_id = v.election_id AND c.member_id = v.member_id) AS voter_binding,
                   b.recast, b.sitting_id::text,
                   EXISTS (SELECT 1 FROM sitting_attendance a
                           WHERE a.sitting_id = b.sitting_id AND a.member_id = v.member_id AND a.checked_out_at IS NULL) AS present
            FROM unnest($3::uuid[], $4::uuid[]) AS v(election_id, member_id)
            LEFT JOIN ballot_boxes b ON b.election_id = v.election_id) f) AS voters,
         (SELECT coalesce(json_agg(l), '[]') FROM (
            SELECT b.election_id::text, b.member_id::text, b.round, b.status FROM ballots b
            JOIN unnest($3::uuid[], $4::uuid[]) AS v(election_id, member_id)
              ON b.election_id = v.election_id AND b.member_id = v.member_id
            WHERE b.status IN ('received', 'accepted')) l) AS live`,
      [
        items.map((i) => i.key),
        electionIds,
        voters.map((i) => i.request.electionId),
        voters.map((i) => i.request.caller.subject),
      ],
    )
  ).rows;
  const stored = new Map(facts!.stored.map((row) => [row.key, row]));
  const elections = new Map(facts!.elections.map((row) => [row.id, row]));
  const voterFacts = new Map(facts!.voters.map((row) => [`${row.election_id}/${row.member_id}`, row]));
  const liveRows = facts!.live;
  const live = new Map(
    liveRows.map((row) => [`${row.election_id}/${row.round}/${row.member_id}`, row.status]),
  );

  const verdicts: Verdict[] = [];
  const toStore: { index: number; id: string; round: number; single: boolean }[] = [];
  const answeredInBatch = new Map<string, { requestHash: string; index: number }>();
  for (const [index, item] of items.entries()) {
    verdicts.push(
      judge(item, {
        stored: stored.get(item.key),
        earlier: answeredInBatch.get(item.key),
        election: elections.get(item.request.electionId),
        facts: voterFacts.get(`${item.request.electionId}/${item.request.caller.subject}`),
        live,
        onStore: (round, single) => {
          toStore.push({ index, id: randomUUID(), round, single });
          live.set(`${item.request.electionId}/${round}/${item.request.caller.subject}`, 'received');
        },
      }),
    );
    if (!answeredInBatch.has(item.key)) answeredInBatch.set(item.key, { requestHash: item.hashHex, index });
  }
  if (toStore.length === 0) return resolveReplays(verdicts, items, answeredInBatch);

  const rows = toStore.map(({ index, id, round, single }) => ({ item: items[index]!, id, round, single }));
  // The ballots travel as one JSON array of the bodies as sent (validated, not serialised again).
  const inserted = (
    await db.query<{ id: string; received_at: Date }>(
      `WITH stored AS (
         INSERT INTO ballots (id, election_id, round, ceremony_id, member_id, content, ballot_hash, tracking_code, status, single)
         SELECT x.id, x.election_id, x.round, x.ceremony_id, x.member_id, body.value -> 'ballot', x.ballot_hash, x.tracking_code, 'received', x.single
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::boolean[])
                WITH ORDINALITY AS x(id, election_id, round, ceremony_id, member_id, ballot_hash, tracking_code, single, n)
         JOIN jsonb_array_elements($9::jsonb) WITH ORDINALITY AS body(value, n) ON body.n = x.n
         ON CONFLICT (election_id, ballot_hash) DO NOTHING
         RETURNING id, election_id, round, seq, received_at
       ), queued AS (
         INSERT INTO ballot_board_queue (ballot_id, election_id, round, seq)
         SELECT id, election_id, round, seq FROM stored
       )
       SELECT id::text, received_at FROM stored`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.item.request.electionId),
        rows.map((r) => r.round),
        rows.map((r) => r.item.casting!.ceremonyId),
        rows.map((r) => r.item.request.caller.subject),
        rows.map((r) => r.item.hashHex),
        rows.map((r) => r.item.code),
        rows.map((r) => r.single),
        `[${rows.map((r) => r.item.request.rawBody ?? JSON.stringify(r.item.request.body)).join(',')}]`,
      ],
    )
  ).rows;
  const receivedAt = new Map(inserted.map((row) => [row.id, row.received_at]));
  const keys: { key: string; requestHash: string; body: CastAnswer }[] = [];
  for (const { index, id, round } of toStore) {
    const item = items[index]!;
    const at = receivedAt.get(id);
    if (!at) {
      verdicts[index] = fail('ballot-already-cast', 'this very ballot was already cast');
      continue;
    }
    const body: CastAnswer = {
      ballotId: id,
      trackingCode: item.code,
      status: 'received',
      receivedAt: at.toISOString(),
    };
    verdicts[index] = { status: 202, body, replayed: false, round };
    keys.push({ key: item.key, requestHash: item.hashHex, body });
  }
  if (keys.length > 0)
    await db.query(
      `INSERT INTO ballot_idempotency_keys (key, request_hash, response_status, response_body)
       SELECT k, h, 202, b::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS x(k, h, b)`,
      [keys.map((k) => k.key), keys.map((k) => k.requestHash), keys.map((k) => JSON.stringify(k.body))],
    );
  return resolveReplays(verdicts, items, answeredInBatch);
}

/** A request repeating an earlier one of the same batch (same key) gets that one's answer. */
function resolveReplays(
  verdicts: Verdict[],
  items: Prepared[],
  firsts: Map<string, { requestHash: string; index: number }>,
): Verdict[] {
  return verdicts.map((verdict, index) => {
    const first = firsts.get(items[index]!.key)!;
    if (first.index === index) return verdict;
    if (first.requestHash !== items[index]!.hashHex)
      return new AppError('idempotency-key-reused', {
        detail: 'the Idempotency-Key was first used with a different ballot',
      });
    const answer = verdicts[first.index];
    return answer && typeof answer === 'object' && !(answer instanceof Error)
      ? { ...answer, replayed: true, round: 0 }
      : answer!;
  });
}

/** One request's verdict from the facts read for the batch; `onStore` reserves its row. */
function judge(
  item: Prepared,
  context: {
    stored: { request_hash: string; response_status: number; response_body: CastAnswer } | undefined;
    earlier: { requestHash: string; index: number } | undefined;
    election: { status: string; round: number } | undefined;
    facts: VoterFacts | undefined;
    live: Map<string, string>;
    onStore: (round: number, single: boolean) => void;
  },
): Verdict {
  const { request, casting } = item;
  const { electionId, caller } = request;
  if (context.stored) {
    if (context.stored.request_hash !== item.hashHex)
      return new AppError('idempotency-key-reused', {
        detail: 'the Idempotency-Key was first used with a different ballot',
      });
    return {
      status: context.stored.response_status,
      body: context.stored.response_body,
      replayed: true,
      round: 0,
    };
  }
  if (context.earlier) return new Error('replaced by the first request of the batch with this key');
  const election = context.election;
  if (!election) return fail('not-found', `no election ${electionId}`);
  if (election.status !== 'voting-open')
    return fail('ballot-voting-closed', `election ${electionId} is ${election.status}`);
  if (!casting || casting.round !== election.round) {
    // What was read before the batch may be a moment old: read it again once.
    if (!item.fresh) return 'round-moved';
    return fail(
      'ballot-ceremony-incomplete',
      `the key ceremony of election ${electionId} round ${election.round} is not complete`,
    );
  }
  const facts = context.facts;
  if (!facts?.on_roll)
    return fail('voter-not-on-roll', `${caller.subject} is not on the frozen roll of election ${electionId}`);
  if (!facts.voter_binding)
    return fail(
      'ballot-credential-missing',
      `no ballot credential for ${caller.subject} in election ${electionId}`,
    );
  if (request.body.ballot.voterBinding !== facts.voter_binding)
    return fail('ballot-malformed', 'the ballot is not bound to your credential for this election');
  if (facts.sitting_id && !facts.present)
    return fail('voter-not-present', `${caller.subject} is not checked in at sitting ${facts.sitting_id}`);
  const single = (facts.recast ?? 'one') === 'one';
  const liveStatus = context.live.get(`${electionId}/${election.round}/${caller.subject}`);
  if (single && liveStatus)
    return fail('ballot-already-cast', `${caller.subject} has a ballot ${liveStatus} in this round`);
  context.onStore(election.round, single);
  return new Error('pending insert');
}
