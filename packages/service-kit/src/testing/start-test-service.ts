import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { SqlClient } from '../database/sql-client.js';
import { runService, type RunServiceOptions, type ServicePrisma } from '../runtime/run-service.js';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from './test-database.js';

/**
 * A service on a database, Redis prefix and data folder of its own, listening on a free port. By
 * default only the API runs (`KONSEY_PROCESS=api`): events stay in the outbox, where tests read them.
 */
export async function startTestService<
  Tx extends SqlClient,
  Prisma extends ServicePrisma<Tx>,
  Extra extends z.ZodRawShape,
>(options: RunServiceOptions<Tx, Prisma, Extra>, test: { label: string; env?: Record<string, string> }) {
  const database = await createTestDatabase(test.label);
  const dataDir = await mkdtemp(join(tmpdir(), `konsey-${test.label}-`));
  try {
    const service = await runService({
      ...options,
      env: {
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: testRedisPrefix(test.label),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        KONSEY_PROCESS: 'api',
        NODE_ENV: 'test',
        ...test.env,
      },
    });
    return {
      service,
      url: service.url!,
      prisma: service.prisma,
      database,
      dataDir,
      async stop() {
        await service.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
