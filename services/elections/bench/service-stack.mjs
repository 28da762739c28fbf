// The elections service as production runs it: one API process and N verification worker processes
// (`node --import ./dist/instrument.js ./dist/main.js` with KONSEY_PROCESS=api|worker), on a fresh
// database of this machine's PostgreSQL and a Redis key prefix of their own.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilReady(url, child, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

const children = new Set();
// Never leave a service running when the benchmark stops early (Ctrl-C, a failed phase).
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGPIPE']) process.once(signal, () => process.exit(130));

/** Start one service process; its stderr is kept (last 4 KiB) to explain a crash. */
export async function startServiceProcess({ role, env, name, port: fixedPort }) {
  const port = fixedPort ?? (await freePort());
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles", profiles the services under the peak.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', './dist/instrument.js', './dist/main.js'], {
    cwd: serviceDir,
    env: { ...process.env, ...env, PORT: String(port), KONSEY_PROCESS: role },
    stdio: ['ignore', process.env.BENCH_SERVICE_LOGS ? 'inherit' : 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4096)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, name);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`, { cause: error });
  }
  return { name, url, port, child, stderr: () => stderr };
}

/** kill -9, and wait until it is gone. */
export async function killProcess({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function stopProcess({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A fresh database and Redis prefix, the API process started (it applies the migrations); worker
 * processes are added with `addWorker()` so a benchmark can time verification with 1, then 2 of them.
 */
export async function startStack({ label, jwksUrl, redisUrl = TEST_REDIS_URL, poolMax = 10 }) {
  const database = await createTestDatabase(label);
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(poolMax),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: testRedisPrefix(label),
    JWKS_URL: jwksUrl,
    LOG_LEVEL: 'warn',
  };
  const workers = [];
  let api;
  try {
    api = await startServiceProcess({ role: 'api', env, name: 'elections-api' });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: api.url,
    databaseUrl: database.url,
    env,
    get api() {
      return api;
    },
    workers,
    async addWorker() {
      const worker = await startServiceProcess({
        role: 'worker',
        env,
        name: `elections-worker-${workers.length + 1}`,
      });
      workers.push(worker);
      return worker;
    },
    /** kill -9 the API and start it again on the same port. */
    async restartApi(downMs = 0) {
      await killProcess(api);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      api = await startServiceProcess({ role: 'api', env, name: 'elections-api', port: api.port });
    },
    /** kill -9 worker `index` and start a new one in its place. */
    async restartWorker(index, downMs = 0) {
      await killProcess(workers[index]);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      workers[index] = await startServiceProcess({
        role: 'worker',
        env,
        name: `elections-worker-${index + 1}`,
      });
    },
    async stop() {
      await Promise.all([api, ...workers].map(stopProcess));
      await database.drop().catch(() => undefined);
    },
  };
}
