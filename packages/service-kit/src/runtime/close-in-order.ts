import type { Logger } from 'pino';

/**
 * Graceful stop in a fixed order (stop accepting requests, drain workers, close queues, close the
 * database), each step bounded by what is left of the timeout so a stuck step cannot hang the exit.
 */
export async function closeInOrder(
  logger: Logger,
  timeoutMs: number,
  steps: ReadonlyArray<readonly [string, () => Promise<unknown> | undefined]>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const [name, close] of steps) {
    const left = Math.max(deadline - Date.now(), 0);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        close(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${name} did not close within the shutdown timeout`)),
            left,
          );
        }),
      ]);
    } catch (error) {
      logger.warn({ err: error, step: name }, 'shutdown step failed');
    } finally {
      clearTimeout(timer);
    }
  }
  logger.info('stopped');
}
