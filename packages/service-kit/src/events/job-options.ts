import type { JobsOptions } from 'bullmq';

export interface DeliveryPolicy {
  /** Attempts before a job lands in the failed set (default 10). */
  attempts: number;
  /** First retry delay in ms; doubles each attempt, with jitter (default 1000). */
  backoffMs: number;
}

/**
 * Options of every delivered message. The job id is the message id, so a republish of the same message
 * is ignored while the job is kept; the consumer's inbox ignores it for ever after. Failed jobs are
 * never removed automatically: operators inspect and replay them.
 */
export function deliveryJobOptions(messageId: string, policy: DeliveryPolicy): JobsOptions {
  return {
    jobId: messageId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: false,
  };
}
