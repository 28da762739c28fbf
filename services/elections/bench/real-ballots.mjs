// Real encrypted ballots with random marks (0 to 15 of 25), made ahead on worker threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export function randomMarks(options, maxMarks) {
  const marks = Array(options).fill(0);
  const count = Math.floor(Math.random() * (maxMarks + 1));
  for (const index of [...marks.keys()].sort(() => Math.random() - 0.5).slice(0, count)) marks[index] = 1;
  return marks;
}

/** Encrypt one ballot per voter; returns `{ ballot, trackingCode, marks }` in the voters' order. */
export async function encryptBallots(published, voters, { threads = availableParallelism() } = {}) {
  const contest = published.manifest.contests[0];
  const jobs = voters.map(({ voterBinding }) => ({
    voterBinding,
    marks: randomMarks(contest.options.length, contest.maxSelections),
  }));
  const chunks = Array.from({ length: threads }, (_, t) => jobs.filter((_, i) => i % threads === t));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const worker = new Worker(new URL('./encrypt-worker.mjs', import.meta.url), {
        workerData: { published },
      });
      try {
        return await new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ jobs: chunk });
        });
      } finally {
        await worker.terminate();
      }
    }),
  );
  return jobs.map((job, i) => ({ ...results[i % threads][Math.floor(i / threads)], marks: job.marks }));
}
