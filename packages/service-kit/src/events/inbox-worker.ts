import { inboxQueueName, parseMessage, type ServiceName } from '@konsey/contracts';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SqlClient, TransactionRunner } from '../database/sql-client.js';
import { contextFromTrace } from '../telemetry/trace-context.js';
import { assertHandlersMatchRouting, type MessageHandler, type MessageHandlers } from './message-handlers.js';

export interface InboxWorkerOptions<Tx extends SqlClient> {
  service: ServiceName;
  connection: Redis;
  prefix: string;
  transaction: TransactionRunner<Tx>;
  handlers: MessageHandlers<Tx>;
  logger: Logger;
  concurrency?: number;
  /** How long a job stays locked to a worker that stopped answering before another may take it (default 30 s). */
  lockDurationMs?: number;
}

export type HandleOutcome = 'handled' | 'duplicate';

const tracer = trace.getTracer('konsey-inbox');

/**
 * Handle a delivered message exactly once: its id goes into the inbox in the same transaction as the
 * handler's effects, so a redelivery (retry, relay replay, Redis recovery) changes nothing.
 * A message this service cannot understand is parked in the failed set, never dropped.
 */
export async function handleDelivery<Tx extends SqlClient>(
  options: Pick<InboxWorkerOptions<Tx>, 'transaction' | 'handlers'>,
  raw: unknown,
): Promise<HandleOutcome> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) throw new UnrecoverableError(`parked (${parsed.reason}): ${parsed.detail}`);
  const { envelope } = parsed.message;
  const handler = options.handlers[envelope.type] as MessageHandler<Tx> | undefined;
  if (!handler) throw new UnrecoverableError(`parked (no-handler): ${envelope.type} is not handled here`);
  return context.with(contextFromTrace(envelope.trace), () =>
    tracer.startActiveSpan(
      `handle ${envelope.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.message.id': envelope.id, 'messaging.system': 'bullmq' },
      },
      async (span) => {
        try {
          const outcome = await options.transaction(async (tx) => {
            const inserted = await tx.$executeRawUnsafe(
              `INSERT INTO "konsey_inbox" ("message_id", "type", "trace_id") VALUES ($1::uuid, $2, $3)
               ON CONFLICT ("message_id") DO NOTHING`,
              envelope.id,
              envelope.type,
              span.spanContext().traceId,
            );
            if (inserted === 0) return 'duplicate' as const;
            await handler(tx, parsed.message);
            return 'handled' as const;
          });
          span.setAttribute('konsey.inbox.outcome', outcome);
          return outcome;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    ),
  );
}

/** The BullMQ worker of a service's inbox queue. Retries follow the job's backoff; then the failed set. */
export function startInboxWorker<Tx extends SqlClient>(options: InboxWorkerOptions<Tx>): Worker {
  assertHandlersMatchRouting(options.service, options.handlers as MessageHandlers<SqlClient>);
  const worker = new Worker(
    inboxQueueName(options.service),
    async (job: Job) => handleDelivery(options, job.data),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 8,
      autorun: true,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: Math.min(options.lockDurationMs ?? 30_000, 30_000),
      // A job whose worker died is taken again; a job that kills every worker it meets is failed.
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, error) => {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    options.logger[final ? 'error' : 'warn'](
      { jobId: job?.id, type: job?.name, attempts: job?.attemptsMade, err: error },
      final ? 'message moved to the failed set' : 'message handling failed; will retry',
    );
  });
  worker.on('error', (error) => options.logger.warn({ err: error }, 'inbox worker error'));
  return worker;
}
