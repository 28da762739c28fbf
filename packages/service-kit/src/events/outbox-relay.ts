import { catalogue, inboxQueueName, isMessageType, type Envelope, type ServiceName } from '@konsey/contracts';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SqlClient, TransactionRunner } from '../database/sql-client.js';
import { contextFromTrace } from '../telemetry/trace-context.js';
import { deliveryJobOptions, type DeliveryPolicy } from './job-options.js';

export interface OutboxRelayOptions {
  service: ServiceName;
  transaction: TransactionRunner;
  db: SqlClient;
  /** Inbox queues of the consumers, by service. */
  queues: ReadonlyMap<ServiceName, Queue>;
  redis: Redis;
  redisPrefix: string;
  logger: Logger;
  policy: DeliveryPolicy;
  pollMs: number;
  batchSize?: number;
  /** How long published messages are kept, to republish them if Redis loses its data. */
  retentionHours?: number;
}

interface OutboxRow {
  id: string;
  envelope: Envelope;
}

const tracer = trace.getTracer('konsey-outbox-relay');

/**
 * Moves committed outbox rows to the consumers' BullMQ queues, then marks them published. A crash
 * between the two republishes the same job ids, which BullMQ and the consumers' inboxes ignore.
 * Several relays of one service may run: rows are claimed with FOR UPDATE SKIP LOCKED.
 *
 * Redis without persistence forgets its queues on restart; the relay notices (its epoch key is gone)
 * and republishes every message still retained, so nothing acknowledged is lost.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  private get epochKey(): string {
    return `${this.options.redisPrefix}:bus:relay-epoch:${this.options.service}`;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stop polling and wait for the batch in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => (this.running = undefined));
    }, delay);
  }

  private async loop(): Promise<void> {
    try {
      await this.recoverFromRedisLoss();
      let published: number;
      do published = await this.publishBatch();
      while (published > 0 && !this.stopped);
      this.failures = 0;
      this.schedule(this.options.pollMs);
    } catch (error) {
      this.failures += 1;
      const delay = Math.min(this.options.pollMs * 2 ** this.failures, 10_000);
      this.options.logger.warn(
        { err: error, retryInMs: delay },
        'outbox relay could not publish; will retry',
      );
      this.schedule(delay);
    }
  }

  /** Publish one batch of unpublished rows; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    return this.options.transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
        `SELECT "id", "envelope" FROM "konsey_outbox" WHERE "published_at" IS NULL
         ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      if (rows.length === 0) return 0;
      await this.deliver(rows.map((row) => row.envelope));
      await tx.$executeRawUnsafe(
        'UPDATE "konsey_outbox" SET "published_at" = now() WHERE "id" = ANY($1::uuid[])',
        rows.map((row) => row.id),
      );
      return rows.length;
    });
  }

  private async deliver(envelopes: Envelope[]): Promise<void> {
    const byQueue = new Map<Queue, Envelope[]>();
    for (const envelope of envelopes) {
      const consumers = isMessageType(envelope.type) ? catalogue[envelope.type].consumers : [];
      for (const consumer of consumers) {
        const queue = this.options.queues.get(consumer);
        if (!queue) throw new Error(`no queue for consumer ${consumer} (${inboxQueueName(consumer)})`);
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), envelope]);
      }
    }
    for (const [queue, batch] of byQueue) {
      await Promise.all(
        batch.map((envelope) =>
          context.with(contextFromTrace(envelope.trace), () =>
            tracer.startActiveSpan(
              `publish ${envelope.type}`,
              {
                kind: SpanKind.PRODUCER,
                attributes: {
                  'messaging.system': 'bullmq',
                  'messaging.destination.name': queue.name,
                  'messaging.message.id': envelope.id,
                },
              },
              async (span) => {
                try {
                  await queue.add(
                    envelope.type,
                    envelope,
                    deliveryJobOptions(envelope.id, this.options.policy),
                  );
                } finally {
                  span.end();
                }
              },
            ),
          ),
        ),
      );
    }
  }

  /** When Redis has lost its data, republish what is retained before carrying on. */
  async recoverFromRedisLoss(): Promise<number> {
    if ((await this.options.redis.exists(this.epochKey)) === 1) return 0;
    const hours = this.options.retentionHours ?? 24 * 7;
    const rows = await this.options.db.$queryRawUnsafe<OutboxRow[]>(
      `SELECT "id", "envelope" FROM "konsey_outbox"
       WHERE "published_at" IS NOT NULL AND "created_at" > now() - make_interval(hours => $1::int)
       ORDER BY "seq"`,
      hours,
    );
    for (let start = 0; start < rows.length; start += 500) {
      await this.deliver(rows.slice(start, start + 500).map((row) => row.envelope));
    }
    await this.options.redis.set(this.epochKey, new Date().toISOString());
    if (rows.length > 0) {
      this.options.logger.warn(
        { republished: rows.length },
        'Redis had lost its queues; retained messages republished',
      );
    }
    return rows.length;
  }
}
