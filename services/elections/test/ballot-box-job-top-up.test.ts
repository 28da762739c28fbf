import { createRedisConnection } from '@konsey/service-kit';
import { TEST_REDIS_URL, testRedisPrefix } from '@konsey/service-kit/testing';
import { Worker, type Job } from 'bullmq';
import {
  BALLOT_VERIFICATION_QUEUE,
  BATCH_SIZE,
  ballotQueue,
  takeWaitingBallots,
  type VerificationJob,
} from '../src/ballot-box/verification.js';

describe('takeWaitingBallots: a small verification job topped up from the backlog', () => {
  const connection = createRedisConnection(TEST_REDIS_URL, 'worker');
  const prefix = testRedisPrefix('ballot_job_top_up');
  const queue = ballotQueue(connection, prefix);
  const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `ballot-${from + i}`);

  afterEach(async () => {
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue.close();
    await connection.quit();
  });

  it('when jobs wait, then their ballots are taken up to a full batch and those jobs are gone', async () => {
    for (let j = 0; j < 10; j++) await queue.add('verify', { ballotIds: ids(j * 5, 5) });

    const taken = await takeWaitingBallots(queue, 4);

    // 4 + 5·6 = 34 ≥ 32: six waiting jobs taken, whole, oldest first.
    expect(taken).toEqual(ids(0, 30));
    expect(await queue.getWaitingCount()).toBe(4);
    const left = (await queue.getWaiting()).flatMap((job) => job.data.ballotIds).sort();
    expect(left).toEqual(ids(30, 20).sort());
  });

  it('when the job in hand is already full, then nothing is taken', async () => {
    await queue.add('verify', { ballotIds: ids(0, 5) });

    expect(await takeWaitingBallots(queue, BATCH_SIZE)).toEqual([]);
    expect(await queue.getWaitingCount()).toBe(1);
  });

  it('when another worker has made a job active, then that job is not taken', async () => {
    await queue.add('verify', { ballotIds: ids(0, 3) });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let active!: (job: Job<VerificationJob>) => void;
    const started = new Promise<Job<VerificationJob>>((resolve) => (active = resolve));
    const otherConnection = createRedisConnection(TEST_REDIS_URL, 'worker');
    const other = new Worker<VerificationJob>(
      BALLOT_VERIFICATION_QUEUE,
      async (job) => {
        active(job);
        await held;
      },
      { connection: otherConnection, prefix },
    );
    try {
      await started;
      await queue.add('verify', { ballotIds: ids(10, 3) });

      const taken = await takeWaitingBallots(queue, 1);

      expect(taken).toEqual(ids(10, 3));
      expect(await queue.getActiveCount()).toBe(1);
    } finally {
      release();
      await other.close();
      await otherConnection.quit();
    }
  });
});
