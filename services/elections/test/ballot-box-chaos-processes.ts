import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process the chaos test starts, kills with SIGKILL and starts again on the same port. */
export interface ChaosProcess {
  readonly name: string;
  start(): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** Exits the test did not cause (each would void the run). */
  readonly unexpectedExits: string[];
}

function chaosProcess(
  name: string,
  command: () => { file: string; args: string[]; cwd?: string; env?: NodeJS.ProcessEnv },
  ready: () => Promise<boolean>,
): ChaosProcess {
  let child: ChildProcess | undefined;
  let output = '';
  const unexpectedExits: string[] = [];
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r));
  return {
    name,
    unexpectedExits,
    async start() {
      const { file, args, cwd, env } = command();
      const started = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
      started.stdout!.on('data', keep);
      started.stderr!.on('data', keep);
      started.once('exit', (code, signal) => {
        if (child === started)
          unexpectedExits.push(`${name} exited (${code ?? signal}): ${output.slice(-1500)}`);
      });
      const deadline = Date.now() + 30_000;
      while (!(await ready().catch(() => false))) {
        if (started.exitCode !== null) throw new Error(`${name} exited at start: ${output}`);
        if (Date.now() > deadline) throw new Error(`${name} not ready within 30 s: ${output}`);
        await sleep(100);
      }
    },
    async kill9() {
      const killed = child;
      child = undefined;
      if (!killed) return;
      killed.kill('SIGKILL');
      await exited(killed);
    },
    async stop() {
      const stopping = child;
      child = undefined;
      if (!stopping) return;
      stopping.kill('SIGTERM');
      const timer = setTimeout(() => stopping.kill('SIGKILL'), 10_000);
      await exited(stopping);
      clearTimeout(timer);
    },
  };
}

/**
 * A Redis of the test's own on a free port, so killing it disturbs no other test. No persistence
 * (`--save "" --appendonly no`), as the machine's Redis runs: a restart loses every queued job, the
 * worst case, which only PostgreSQL and the reconciler can recover from.
 */
export async function redisServer(dir: string): Promise<ChaosProcess & { url: string }> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const ping = async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // not up yet: connect() rejects, which is the answer
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const redis = chaosProcess(
    'redis',
    () => ({
      file: 'redis-server',
      args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    }),
    ping,
  );
  return Object.assign(redis, { url });
}

/** The compiled elections service (`dist/main.js`, as `npm start` runs it) in one role, on a fixed port. */
export async function electionsProcess(
  role: 'api' | 'worker',
  env: Record<string, string>,
): Promise<ChaosProcess & { url: string }> {
  if (!existsSync(`${serviceDir}dist/main.js`))
    throw new Error(
      'services/elections/dist/main.js is missing: build first (npx turbo build --filter=@konsey/elections...)',
    );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = chaosProcess(
    `elections-${role}`,
    () => ({
      file: process.execPath,
      args: ['--import', './dist/instrument.js', './dist/main.js'],
      cwd: serviceDir,
      env: {
        PATH: process.env.PATH,
        ...env,
        PORT: String(port),
        KONSEY_PROCESS: role,
        OTEL_SDK_DISABLED: 'true',
      },
    }),
    async () => (await fetch(`${url}/readyz`)).ok,
  );
  return Object.assign(service, { url });
}
