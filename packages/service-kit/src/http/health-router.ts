import { Router } from 'express';
import type { Registry } from 'prom-client';
import { AppError } from '../errors/app-error.js';

/** A dependency that must answer for the service to be ready (PostgreSQL, Redis, ...). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<{ name: string; ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz` (the process is alive), `/readyz` (its dependencies answer) and `/metrics` (Prometheus). */
export function healthRouter(options: { readiness: readonly ReadinessCheck[]; metrics: Registry }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(options.readiness.map(runCheck));
    const failed = results.filter((result) => !result.ok);
    if (failed.length > 0) {
      throw new AppError('unavailable', {
        // Names only: connection errors carry hosts and ports that a public probe need not see.
        detail: `not answering: ${failed.map((result) => result.name).join(', ')}`,
      });
    }
    res.json({ status: 'ready', checks: results.map((result) => result.name) });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  return router;
}
