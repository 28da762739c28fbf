import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnvelope, inboxQueueName, type MessageData, type MessageType } from '@konsey/contracts';
import { runService } from '@konsey/service-kit';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import { Queue } from 'bullmq';
import { notificationsService, type NotificationsServiceHooks } from '../src/notifications-service.js';

/**
 * Notifications on a fresh database and Redis prefix of its own, API and worker in one process; events
 * arrive the real way, as jobs on the service's inbox queue.
 */
export async function startNotifications(
  label: string,
  env: Record<string, string> = {},
  hooks: NotificationsServiceHooks = {},
) {
  const database = await createTestDatabase(label);
  const prefix = testRedisPrefix(label);
  const dataDir = await mkdtemp(join(tmpdir(), 'konsey-notifications-'));
  const options = notificationsService(hooks);
  const service = await runService({
    ...options,
    env: {
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KONSEY_PROCESS: 'all',
      DISPATCH_POLL_MS: '50',
      ...env,
    },
  });
  const inbox = new Queue(inboxQueueName('notifications'), { connection: { url: TEST_REDIS_URL }, prefix });

  /** Publish an event to the inbox queue; `jobId` lets a test redeliver the same envelope under a new job. */
  const deliver = async <T extends MessageType>(type: T, data: MessageData<T>, jobId?: string) => {
    const envelope = createEnvelope({ type, data });
    await inbox.add(type, envelope, {
      jobId: jobId ?? envelope.id,
      attempts: 3,
      backoff: { type: 'fixed', delay: 100 },
    });
    return envelope;
  };
  const redeliver = async (envelope: { id: string; type: string }, jobId: string) =>
    inbox.add(envelope.type, envelope, { jobId, attempts: 3 });

  const stop = async () => {
    await inbox.close();
    await service.stop();
    await database.drop();
  };
  return { service, prisma: service.prisma, deliver, redeliver, inbox, prefix, stop };
}
