import {
  ballotFromJson,
  decodePoints,
  encodePoints,
  fromBase64url,
  toBase64url,
  verifyBallots,
  type BallotJson,
  type ElectionContext,
  type EncryptedBallot,
  type Point,
} from '@konsey/ballot-crypto';
import { createRedisConnection, type BaseConfig, type ServiceDependencies } from '@konsey/service-kit';
import { Queue, Worker } from 'bullmq';
import type { PrismaClient } from '../generated/prisma/client.js';
import { contextFromRows, type CeremonyRow } from './ceremony.js';
import type { AnnouncementJson } from './wire.js';

/** The elections service's own queue of ballots to verify; jobs carry ballot ids only. */
export const BALLOT_VERIFICATION_QUEUE = 'konsey-elections-ballot-verification';
/** Ballots per job: the batch `verifyBallots` checks with one multi-scalar multiplication. */
export const BATCH_SIZE = 32;

export interface VerificationJob {
  ballotIds: string[];
}

const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 500 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

type Redis = ReturnType<typeof createRedisConnection>;
type Logger = ServiceDependencies<unknown, unknown>['logger'];

export function ballotQueue(connection: Redis, prefix: string): Queue<VerificationJob> {
  return new Queue<VerificationJob>(BALLOT_VERIFICATION_QUEUE, { connection, prefix });
}

/**
 * The API side: ids of ballots just stored are gathered for up to 20 ms (or 32 of them) and sent as
 * one job: a job has a fixed cost in the worker (the running sums read and written back, one
 * transaction, one multi-scalar multiplication set up), so a peak should make few full jobs.
 * A failure to enqueue (Redis down) loses nothing: the ballot is `received` in PostgreSQL and the
 * reconciler enqueues it again.
 */
export class BallotIntake {
  private pending: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly queue: Queue<VerificationJob>,
    private readonly logger: Logger,
    private readonly lingerMs = 20,
  ) {}

  push(ballotId: string): void {
    this.pending.push(ballotId);
    if (this.pending.length >= BATCH_SIZE) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.lingerMs).unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ballotIds = this.pending.splice(0);
    if (ballotIds.length === 0) return;
    const sent = this.queue
      .add('verify', { ballotIds }, JOB_OPTIONS)
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, ballots: ballotIds.length },
          'ballot verification not enqueued; the reconciler will',
        ),
      )
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }

  /** Wait for everything pushed so far to reach Redis (tests, shutdown). */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }
}

type Sums = Point[][][]; // contest → option → [alpha, beta]

function decodeSums(json: { alpha: string; beta: string }[][]): Sums {
  const encodings = json.flatMap((options) =>
    options.flatMap((c) => [fromBase64url(c.alpha, 32), fromBase64url(c.beta, 32)]),
  );
  const points = decodePoints(encodings, (i) => (i % 2 ? 'sum.beta' : 'sum.alpha'), { allowIdentity: true });
  let next = 0;
  return json.map((options) => options.map(() => [points[next++]!, points[next++]!]));
}
/** The sums' canonical encodings, all points in one batch (WebAssembly: ~6 µs a point, not ~80). */
function encodeSums(sums: Sums) {
  const encoded = encodePoints(sums.flat(2)).map(toBase64url);
  let next = 0;
  return sums.map((options) => options.map(() => ({ alpha: encoded[next++]!, beta: encoded[next++]! })));
}

function fold(sums: Sums, ballot: EncryptedBallot, sign: 1 | -1): void {
  ballot.contests.forEach((contest, ci) =>
    contest.selections.forEach((s, oi) => {
      const slot = sums[ci]![oi]!;
      slot[0] = sign === 1 ? slot[0]!.add(s.ciphertext.alpha) : slot[0]!.subtract(s.ciphertext.alpha);
      slot[1] = sign === 1 ? slot[1]!.add(s.ciphertext.beta) : slot[1]!.subtract(s.ciphertext.beta);
    }),
  );
}

interface ReceivedBallot {
  id: string;
  seq: bigint;
  election_id: string;
  round: number;
  ceremony_id: string;
  member_id: string;
  content: BallotJson;
}

export interface VerificationOutcome {
  accepted: number;
  refused: number;
  superseded: number;
  skipped: number;
}

/**
 * Verify ballots by id (a job): those still `received` are checked in one batch per ceremony and then,
 * in one transaction per round holding the running sum's row lock, each is moved from `received` to
 * `accepted` (folded into the sum), `refused` (with the reason; the voter may cast again) or, under
 * `last-counts`, `superseded`. The status change from `received` is the guard that makes a job
 * delivered twice count each ballot once.
 */
export async function verifyBallotBatch(
  prisma: PrismaClient,
  ballotIds: readonly string[],
  contexts: Map<string, ElectionContext> = new Map(),
): Promise<VerificationOutcome> {
  const outcome: VerificationOutcome = { accepted: 0, refused: 0, superseded: 0, skipped: 0 };
  if (ballotIds.length === 0) return outcome;
  const rows = await prisma.$queryRaw<ReceivedBallot[]>`
    SELECT id::text, seq, election_id::text, round, ceremony_id::text, member_id::text, content
    FROM ballots WHERE id = ANY(${[...ballotIds]}::uuid[]) AND status = 'received' ORDER BY seq`;
  outcome.skipped = ballotIds.length - rows.length;
  const byCeremony = new Map<string, ReceivedBallot[]>();
  for (const row of rows) byCeremony.set(row.ceremony_id, [...(byCeremony.get(row.ceremony_id) ?? []), row]);

  for (const [ceremonyId, group] of byCeremony) {
    const context = contexts.get(ceremonyId) ?? (await loadContext(prisma, ceremonyId));
    contexts.set(ceremonyId, context);
    const parsed = group.map((row) => {
      try {
        return ballotFromJson(row.content);
      } catch (error) {
        return error as Error;
      }
    });
    const valid = parsed.filter((p): p is EncryptedBallot => !(p instanceof Error));
    const results = verifyBallots({ context, ballots: valid });
    let v = 0;
    const verdicts = parsed.map((p) => (p instanceof Error ? p : results[v++]));

    const { election_id: electionId, round } = group[0]!;
    await prisma.$transaction(
      async (tx) => {
        const tallies = await tx.$queryRaw<
          { sums: { alpha: string; beta: string }[][]; ballot_count: number }[]
        >`
          SELECT sums, ballot_count FROM ballot_tallies WHERE election_id = ${electionId}::uuid AND round = ${round} FOR UPDATE`;
        const tally = tallies[0];
        if (!tally) throw new Error(`no running sum for election ${electionId} round ${round}`);
        // Every row this batch may change is locked in two statements: its own ballots, still `received`,
        // and the ballots of the same voters that count now (last-counts).
        const stillReceived = new Set(
          (
            await tx.$queryRaw<{ id: string; status: string }[]>`
              SELECT id::text, status FROM ballots WHERE id = ANY(${group.map((row) => row.id)}::uuid[]) FOR UPDATE`
          )
            .filter((row) => row.status === 'received')
            .map((row) => row.id),
        );
        const counting = new Map<string, { id: string; seq: bigint; ballot: () => EncryptedBallot }>(
          (
            await tx.$queryRaw<{ id: string; seq: bigint; member_id: string; content: BallotJson }[]>`
              SELECT id::text, seq, member_id::text, content FROM ballots
              WHERE election_id = ${electionId}::uuid AND round = ${round} AND status = 'accepted'
                AND member_id = ANY(${[...new Set(group.map((row) => row.member_id))]}::uuid[])
              FOR UPDATE`
          ).map((row) => [
            row.member_id,
            { id: row.id, seq: row.seq, ballot: () => ballotFromJson(row.content) },
          ]),
        );
        const sums = decodeSums(tally.sums);
        let count = tally.ballot_count;
        const decisions = new Map<string, { status: string; refusal: string | null; decided: boolean }>();
        for (const [i, row] of group.entries()) {
          if (!stillReceived.has(row.id)) {
            outcome.skipped += 1;
            continue;
          }
          const verdict = verdicts[i];
          if (verdict) {
            decisions.set(row.id, {
              status: 'refused',
              refusal: verdict.message.slice(0, 500),
              decided: true,
            });
            outcome.refused += 1;
            continue;
          }
          const previous = counting.get(row.member_id);
          if (previous && previous.seq > row.seq) {
            // A later ballot of this voter already counts (last-counts): this one never does.
            decisions.set(row.id, { status: 'superseded', refusal: null, decided: true });
            outcome.superseded += 1;
            continue;
          }
          const ballot = parsed[i] as EncryptedBallot;
          if (previous) {
            fold(sums, previous.ballot(), -1);
            const earlier = decisions.get(previous.id);
            decisions.set(previous.id, {
              status: 'superseded',
              refusal: null,
              decided: earlier?.decided ?? false,
            });
            count -= 1;
            outcome.superseded += 1;
          }
          fold(sums, ballot, 1);
          decisions.set(row.id, { status: 'accepted', refusal: null, decided: true });
          counting.set(row.member_id, { id: row.id, seq: row.seq, ballot: () => ballot });
          count += 1;
          outcome.accepted += 1;
        }
        if (decisions.size === 0) return;
        const changes = [...decisions];
        await tx.$executeRaw`
          UPDATE ballots b SET status = x.status, refusal = x.refusal,
                 decided_at = CASE WHEN x.decided THEN now() ELSE b.decided_at END
          FROM unnest(${changes.map(([id]) => id)}::uuid[], ${changes.map(([, d]) => d.status)}::text[],
                      ${changes.map(([, d]) => d.refusal)}::text[], ${changes.map(([, d]) => d.decided)}::boolean[])
               AS x(id, status, refusal, decided)
          WHERE b.id = x.id`;
        await tx.$executeRaw`
          UPDATE ballot_tallies SET sums = ${JSON.stringify(encodeSums(sums))}::jsonb, ballot_count = ${count}, updated_at = now()
          WHERE election_id = ${electionId}::uuid AND round = ${round}`;
      },
      { timeout: 60_000 },
    );
  }
  return outcome;
}

async function loadContext(prisma: PrismaClient, ceremonyId: string): Promise<ElectionContext> {
  const ceremony: CeremonyRow = await prisma.ballotCeremony.findUniqueOrThrow({ where: { id: ceremonyId } });
  const announcements = await prisma.ballotCeremonyAnnouncement.findMany({
    where: { ceremonyId },
    orderBy: { memberIndex: 'asc' },
  });
  return contextFromRows(
    ceremony,
    announcements.map((a) => a.announcement as AnnouncementJson),
  );
}

/** Enqueue every `received` ballot (older than `olderThanMs`) again, in batches. Returns how many. */
export async function reconcileReceived(
  prisma: PrismaClient,
  queue: Queue<VerificationJob>,
  olderThanMs = 0,
): Promise<number> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM ballots WHERE status = 'received' AND received_at <= now() - make_interval(secs => ${olderThanMs / 1000})
    ORDER BY seq`;
  for (let i = 0; i < rows.length; i += BATCH_SIZE)
    await queue.add('verify', { ballotIds: rows.slice(i, i + BATCH_SIZE).map((r) => r.id) }, JOB_OPTIONS);
  return rows.length;
}

/**
 * With a backlog, a small job is topped up to a full batch with the ballots of jobs still waiting: a
 * job has a fixed cost (the running sums read and written back, a transaction, an MSM set-up), and
 * jobs are small when ballots trickle in. A waiting job is taken only if removing it succeeds, which
 * BullMQ refuses once another worker has made it active; if this worker dies before deciding them,
 * the ballots are still `received` in PostgreSQL and the reconciler enqueues them again.
 */
export async function takeWaitingBallots(queue: Queue<VerificationJob>, have: number): Promise<string[]> {
  const taken: string[] = [];
  if (have >= BATCH_SIZE) return taken;
  for (const job of await queue.getWaiting(0, BATCH_SIZE - have - 1)) {
    if (have + taken.length + job.data.ballotIds.length > BATCH_SIZE * 2) break;
    const removed = await job.remove().then(
      () => true,
      () => false,
    );
    if (removed) taken.push(...job.data.ballotIds);
    if (have + taken.length >= BATCH_SIZE) break;
  }
  return taken;
}

export interface BallotVerificationOptions {
  /** How often the reconciler looks for ballots left `received` (default 30 s). */
  reconcileEveryMs?: number;
  /** Ballots younger than this are left to the job the API enqueued (default 30 s); the periodic sweep runs only when the queue is idle. */
  reconcileAfterMs?: number;
  concurrency?: number;
}

export interface BallotVerification {
  queue: Queue<VerificationJob>;
  worker: Worker<VerificationJob>;
  /** Run the reconciler now (it also runs at start-up and periodically). */
  reconcile(olderThanMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Start the verification worker and the reconciler in a worker process: at start-up every ballot
 * left `received` is enqueued again (nothing is lost if Redis lost its queue), then periodically
 * those older than `reconcileAfterMs`. Wire as `workers: (deps) => startBallotVerification(deps)`.
 */
export async function startBallotVerification(
  deps: Pick<ServiceDependencies<PrismaClient, BaseConfig>, 'prisma' | 'config' | 'logger'>,
  options: BallotVerificationOptions = {},
): Promise<BallotVerification> {
  const { prisma, config, logger } = deps;
  const producer = createRedisConnection(config.REDIS_URL, 'worker');
  const consumer = createRedisConnection(config.REDIS_URL, 'worker');
  producer.on('error', (error) => logger.debug({ err: error }, 'ballot queue redis error'));
  consumer.on('error', (error) => logger.debug({ err: error }, 'ballot worker redis error'));
  const queue = ballotQueue(producer, config.REDIS_PREFIX);
  const contexts = new Map<string, ElectionContext>();
  const worker = new Worker<VerificationJob>(
    BALLOT_VERIFICATION_QUEUE,
    async (job) => {
      const taken = await takeWaitingBallots(queue, job.data.ballotIds.length);
      let outcome: VerificationOutcome;
      try {
        outcome = await verifyBallotBatch(prisma, [...job.data.ballotIds, ...taken], contexts);
      } catch (error) {
        // This job is retried with its own ballots; the ones taken from others go back to the queue now
        // rather than wait for the reconciler's idle sweep (a failed hand-back leaves them to it).
        if (taken.length > 0)
          await queue.add('verify', { ballotIds: taken }, JOB_OPTIONS).catch(() => undefined);
        throw error;
      }
      logger.debug({ job: job.id, ...outcome }, 'ballots verified');
      return outcome;
    },
    { connection: consumer, prefix: config.REDIS_PREFIX, concurrency: options.concurrency ?? 1 },
  );
  worker.on('error', (error) => logger.debug({ err: error }, 'ballot worker error'));
  worker.on('failed', (job, error) =>
    logger.warn({ job: job?.id, err: error }, 'ballot verification job failed'),
  );
  const reconcile = async (olderThanMs = 0) => {
    const count = await reconcileReceived(prisma, queue, olderThanMs);
    if (count) logger.info({ ballots: count }, 'received ballots enqueued for verification again');
    return count;
  };
  await reconcile(0);
  const every = options.reconcileEveryMs ?? 30_000;
  // Periodically, only when the queue is idle: a ballot still `received` then was never enqueued (Redis
  // was down when it was cast) or its job was lost; a backlog is never enqueued twice this way.
  const sweep = async () => {
    const pending = await queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized');
    if (pending === 0) await reconcile(options.reconcileAfterMs ?? 30_000);
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn({ err: error }, 'ballot reconciler failed'));
  }, every);
  timer.unref();
  return {
    queue,
    worker,
    reconcile,
    async stop() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
      await Promise.all([producer.quit(), consumer.quit()]).catch(() => undefined);
    },
  };
}
