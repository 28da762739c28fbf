import { boardEntryHash, fromHex, toHex } from '@konsey/ballot-crypto';
import { AppError, type ServiceDependencies } from '@konsey/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';

type Logger = ServiceDependencies<unknown, unknown>['logger'];

/** How many ballots one append takes at most (one transaction, five statements). */
const BATCH = 500;

/**
 * Append the round's ballots that are not on its board yet, in the order they were stored, in one
 * transaction that holds the board head's row lock: positions stay dense and the chain has no fork
 * however many processes append. Each entry hash is ballot-crypto's `boardEntryHash(previous, position,
 * ballotHash)`, so the board is the record's chain. Returns how many ballots were appended.
 */
export async function appendPendingToBoard(
  prisma: PrismaClient,
  electionId: string,
  round: number,
): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const ceremonies = await tx.$queryRaw<{ base_hash: string }[]>`
        SELECT base_hash FROM ballot_ceremonies
        WHERE election_id = ${electionId}::uuid AND round = ${round} AND status = 'complete'`;
      const baseHash = ceremonies[0]?.base_hash;
      if (!baseHash) return 0;
      await tx.$executeRaw`
        INSERT INTO ballot_board_heads (election_id, round, base_hash, length, head_hash)
        VALUES (${electionId}::uuid, ${round}, ${baseHash}, 0, ${baseHash})
        ON CONFLICT (election_id, round) DO NOTHING`;
      const heads = await tx.$queryRaw<{ base_hash: string; length: number; head_hash: string }[]>`
        SELECT base_hash, length, head_hash FROM ballot_board_heads
        WHERE election_id = ${electionId}::uuid AND round = ${round} FOR UPDATE`;
      const head = heads[0]!;
      if (head.base_hash !== baseHash)
        throw new AppError('internal', {
          detail: `the board of election ${electionId} round ${round} was started under another key`,
        });
      const pending = await tx.$queryRaw<{ id: string; ballot_hash: string; tracking_code: string }[]>`
        SELECT b.id::text, b.ballot_hash, b.tracking_code
        FROM ballot_board_queue q JOIN ballots b ON b.id = q.ballot_id
        WHERE q.election_id = ${electionId}::uuid AND q.round = ${round}
        ORDER BY q.seq LIMIT ${BATCH}`;
      if (pending.length === 0) return 0;
      const positions: number[] = [];
      const previous: string[] = [];
      const entries: string[] = [];
      let last = head.head_hash;
      for (const [i, ballot] of pending.entries()) {
        const position = head.length + i;
        const entry = toHex(boardEntryHash(fromHex(last), position, fromHex(ballot.ballot_hash)));
        positions.push(position);
        previous.push(last);
        entries.push(entry);
        last = entry;
      }
      await tx.$executeRaw`
        INSERT INTO ballot_board_entries (election_id, round, position, ballot_hash, tracking_code, previous_hash, entry_hash)
        SELECT ${electionId}::uuid, ${round}, p, h, c, prev, e
        FROM unnest(${positions}::int[], ${pending.map((b) => b.ballot_hash)}::text[], ${pending.map((b) => b.tracking_code)}::text[],
                    ${previous}::text[], ${entries}::text[]) AS x(p, h, c, prev, e)`;
      await tx.$executeRaw`
        DELETE FROM ballot_board_queue WHERE ballot_id = ANY(${pending.map((b) => b.id)}::uuid[])`;
      await tx.$executeRaw`
        UPDATE ballot_board_heads SET length = ${head.length + pending.length}, head_hash = ${last}, updated_at = date_trunc('minute', now())
        WHERE election_id = ${electionId}::uuid AND round = ${round}`;
      return pending.length;
    },
    { timeout: 30_000 },
  );
}

/** Appends until nothing of the round is left waiting. */
export async function drainToBoard(prisma: PrismaClient, electionId: string, round: number): Promise<number> {
  let total = 0;
  for (;;) {
    const appended = await appendPendingToBoard(prisma, electionId, round);
    total += appended;
    if (appended < BATCH) return total;
  }
}

/** Every round that has ballots waiting for the board, in any election. */
export async function roundsWaitingForBoard(prisma: PrismaClient) {
  return prisma.$queryRaw<{ election_id: string; round: number }[]>`
    SELECT DISTINCT election_id::text, round FROM ballot_board_queue`;
}

/**
 * The API's side: after a cast commits, the board of its round is appended within ~50 ms, one append
 * in flight per round in this process, so a peak of casts becomes a few batched appends (at 5 ms, a
 * peak made appends of two or three ballots, seven statements each time). A ballot whose append is
 * lost (the process died) is taken by the workers' sweep.
 */
export class BoardSequencer {
  private readonly scheduled = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly delayMs = 50,
  ) {}

  nudge(electionId: string, round: number): void {
    const key = `${electionId}/${round}`;
    if (this.scheduled.has(key)) {
      this.again.add(key);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(key);
        await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        await drainToBoard(this.prisma, electionId, round);
      } while (this.again.has(key));
    })()
      .catch((error: unknown) =>
        this.logger.warn({ err: error, electionId, round }, 'board append failed; the sweep retries'),
      )
      .finally(() => {
        this.scheduled.delete(key);
        if (this.again.delete(key)) this.nudge(electionId, round);
      });
    this.scheduled.set(key, run);
  }

  /** Waits for the appends in flight (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.scheduled.size > 0) await Promise.all([...this.scheduled.values()]);
  }
}

/** In worker processes: every second, append what an API left waiting (it died, or its append failed). */
export function startBoardSweep(
  deps: { prisma: PrismaClient; logger: Logger },
  everyMs = 1_000,
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      for (const { election_id: electionId, round } of await roundsWaitingForBoard(deps.prisma))
        await drainToBoard(deps.prisma, electionId, round);
    })()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'board sweep failed'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
