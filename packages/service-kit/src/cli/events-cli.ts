#!/usr/bin/env node
// Operators' tool for the bus: list and replay failed (and parked) messages of a service's inbox, and
// show its outbox backlog. Usage:
//   konsey-events <service> failed [--limit N]
//   konsey-events <service> replay (--all | <jobId>...)
//   konsey-events <service> outbox           (needs DATABASE_URL)
import { inboxQueueName, ServiceName } from '@konsey/contracts';
import { Queue } from 'bullmq';
import pg from 'pg';
import { listFailedMessages, replayFailedMessages } from '../events/failed-messages.js';
import { createRedisConnection } from '../events/redis-connection.js';

const usage = `kullanım / usage:
  konsey-events <membership|elections|motions|notifications> failed [--limit N]
  konsey-events <service> replay (--all | <jobId>...)
  konsey-events <service> outbox
env: REDIS_URL (default redis://127.0.0.1:6379), REDIS_PREFIX (default konsey), DATABASE_URL (outbox)`;

async function main(argv: string[]): Promise<number> {
  const [serviceArg, command, ...rest] = argv;
  const service = ServiceName.safeParse(serviceArg);
  if (!service.success || !command) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (command === 'outbox') {
    if (!process.env.DATABASE_URL) {
      process.stderr.write('DATABASE_URL is required for the outbox status\n');
      return 2;
    }
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS pending,
              min(created_at) FILTER (WHERE published_at IS NULL) AS oldest_pending,
              count(*)::int AS retained
         FROM konsey_outbox`,
    );
    await client.end();
    process.stdout.write(`${JSON.stringify(rows[0], null, 2)}\n`);
    return 0;
  }
  const connection = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
  const queue = new Queue(inboxQueueName(service.data), {
    connection,
    prefix: process.env.REDIS_PREFIX ?? 'konsey',
  });
  try {
    if (command === 'failed') {
      const limitIndex = rest.indexOf('--limit');
      const limit = limitIndex >= 0 ? Number(rest[limitIndex + 1]) : 100;
      const failed = await listFailedMessages(queue, Number.isInteger(limit) && limit > 0 ? limit : 100);
      process.stdout.write(`${JSON.stringify(failed, null, 2)}\n`);
      return 0;
    }
    if (command === 'replay') {
      const ids = rest.filter((arg) => arg !== '--all');
      if (!rest.includes('--all') && ids.length === 0) {
        process.stderr.write(`${usage}\n`);
        return 2;
      }
      const moved = await replayFailedMessages(queue, rest.includes('--all') ? undefined : ids);
      process.stdout.write(`${moved} message(s) moved back to the queue / mesaj kuyruğa geri alındı\n`);
      return 0;
    }
    process.stderr.write(`${usage}\n`);
    return 2;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
