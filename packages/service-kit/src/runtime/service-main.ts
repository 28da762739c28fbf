import type { z } from 'zod';
import { ConfigError } from '../config/config-error.js';
import type { SqlClient } from '../database/sql-client.js';
import { MigrationError } from '../database/apply-migrations.js';
import { exitOnSignals } from './handle-signals.js';
import { runService, type RunServiceOptions, type ServicePrisma } from './run-service.js';

/**
 * The `main` of a service process: start it, stop cleanly on signals, and when start-up fails say why
 * in words a person can act on (no stack trace for a configuration or migration problem).
 */
export async function serviceMain<
  Tx extends SqlClient,
  Prisma extends ServicePrisma<Tx>,
  Extra extends z.ZodRawShape,
>(options: RunServiceOptions<Tx, Prisma, Extra>): Promise<void> {
  try {
    const running = await runService(options);
    exitOnSignals(running.stop, running.logger);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `${options.service}: başlatılamadı / could not start: ${(error as Error)?.stack ?? String(error)}\n`,
      );
    }
    process.exit(1);
  }
}
