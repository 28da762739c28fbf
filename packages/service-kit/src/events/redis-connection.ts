import { Redis, type RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and must wait for it through an outage (BullMQ requires
 * `maxRetriesPerRequest: null`); producers fail fast instead, so the outbox keeps the message.
 */
export function createRedisConnection(url: string, purpose: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new Redis(url, {
    ...options,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
