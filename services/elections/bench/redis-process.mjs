// A Redis of the chaos run's own on a free port (no persistence, as the machine's Redis runs: a restart
// loses every queued job), so killing it disturbs nothing else on the machine.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './service-stack.mjs';

async function pong(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // not up yet: connect() rejects, which is the answer
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function ownRedis() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'konsey-bench-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: 'ignore',
      },
    );
    while (!(await pong(url))) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const kill = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  process.once('exit', () => child?.kill('SIGKILL'));
  await start();
  return {
    url,
    async restart(downMs = 0) {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    stop: kill,
  };
}
