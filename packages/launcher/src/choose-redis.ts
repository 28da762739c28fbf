import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { freePort, isPortOpen } from './probe.js';

export type RedisChoice =
  { kind: 'given' | 'local'; url: string } | { kind: 'spawned'; url: string; process: ChildProcess };

export class RedisMissingError extends Error {
  constructor() {
    super(
      [
        'Redis bulunamadı / Redis was not found.',
        'Konsey needs Redis 6.2 or later. Do one of these and run `npm start` again:',
        '  - Debian/Ubuntu: sudo apt-get install redis-server',
        '  - macOS (Homebrew): brew install redis',
        '  - or point to a running server: REDIS_URL=redis://host:6379 npm start',
      ].join('\n'),
    );
    this.name = 'RedisMissingError';
  }
}

function onPath(command: string, path: string | undefined): boolean {
  return (
    spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore', env: { PATH: path ?? '' } })
      .status === 0
  );
}

/**
 * REDIS_URL when given; otherwise Redis on 127.0.0.1:6379; otherwise a `redis-server` from the PATH,
 * started with append-only persistence in the data folder; otherwise a clear message of what to install.
 */
export async function chooseRedis(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  localPort = 6379,
): Promise<RedisChoice> {
  if (env.REDIS_URL) return { kind: 'given', url: env.REDIS_URL };
  if (await isPortOpen('127.0.0.1', localPort))
    return { kind: 'local', url: `redis://127.0.0.1:${localPort}` };
  if (!onPath('redis-server', env.PATH)) throw new RedisMissingError();
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore', env: { ...process.env, PATH: env.PATH ?? process.env.PATH } },
  );
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await isPortOpen('127.0.0.1', port))
      return { kind: 'spawned', url: `redis://127.0.0.1:${port}`, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`redis-server did not start on port ${port}`);
}
