import type { Queue } from 'bullmq';

export interface FailedMessage {
  jobId: string;
  type: string;
  failedReason: string;
  attemptsMade: number;
  parked: boolean;
  failedAt: string | undefined;
}

/** The failed set of an inbox queue, newest first. Parked messages are the ones not retried. */
export async function listFailedMessages(queue: Queue, limit = 100): Promise<FailedMessage[]> {
  const jobs = await queue.getFailed(0, limit - 1);
  return jobs.map((job) => ({
    jobId: String(job.id),
    type: job.name,
    failedReason: job.failedReason,
    attemptsMade: job.attemptsMade,
    parked: job.failedReason?.startsWith('parked') ?? false,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
  }));
}

/** Move failed messages back to the queue (all of them, or the ids given). Returns how many moved. */
export async function replayFailedMessages(queue: Queue, jobIds?: readonly string[]): Promise<number> {
  if (!jobIds) {
    const count = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed', count: 1000 });
    return count;
  }
  let moved = 0;
  for (const id of jobIds) {
    const job = await queue.getJob(id);
    if (job && (await job.isFailed())) {
      await job.retry('failed');
      moved += 1;
    }
  }
  return moved;
}
