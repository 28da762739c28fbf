import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { choosePostgres, databaseUrlFor } from './choose-postgres.js';
import { chooseRedis, RedisMissingError } from './choose-redis.js';
import { startServiceProcess, waitUntilReady, type ServiceProcess } from './start-service-process.js';
import { SUITE } from './suite.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm start`: the whole suite on one machine, one process per service API and one per service worker
 * (or one process per service on the embedded PostgreSQL), until Ctrl-C.
 */
async function main(): Promise<void> {
  const env = process.env;
  const dataDir = resolve(env.DATA_DIR ?? resolve(repoRoot, '.konsey/data'));
  const host = env.HOST ?? '127.0.0.1';
  const postgres = await choosePostgres(env);
  const redis = await chooseRedis(env, resolve(dataDir, 'redis'));
  const processes: ServiceProcess[] = [];

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nKonsey durduruluyor / stopping…\n');
    for (const { child } of processes) if (child.exitCode === null) child.kill('SIGTERM');
    const deadline = Date.now() + 15_000;
    while (
      processes.some(({ child }) => child.exitCode === null && child.signalCode === null) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const { child } of processes)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (redis.kind === 'spawned') redis.process.kill('SIGTERM');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const urls: [string, string][] = [];
  for (const [index, service] of SUITE.entries()) {
    const port = Number(env[`${service.name.toUpperCase()}_PORT`] ?? service.port);
    const common: NodeJS.ProcessEnv = {
      ...env,
      HOST: host,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      JWKS_URL: env.JWKS_URL ?? `http://127.0.0.1:${env.MEMBERSHIP_PORT ?? 4001}/.well-known/jwks.json`,
      ...(postgres.kind === 'embedded'
        ? {}
        : { DATABASE_URL: databaseUrlFor(postgres.serverUrl, service.name) }),
    };
    delete common.POSTGRES_URL;
    if (postgres.kind === 'embedded') {
      processes.push(
        startServiceProcess({
          service: service.name,
          label: service.name,
          index,
          env: { ...common, PORT: String(port), KONSEY_PROCESS: 'all' },
        }),
      );
    } else {
      processes.push(
        startServiceProcess({
          service: service.name,
          label: service.name,
          index,
          env: { ...common, PORT: String(port), KONSEY_PROCESS: 'api' },
        }),
      );
      processes.push(
        startServiceProcess({
          service: service.name,
          label: `${service.name}-worker`,
          index,
          env: { ...common, PORT: '0', KONSEY_PROCESS: 'worker' },
        }),
      );
    }
    urls.push([service.name, `http://${host}:${port}`]);
  }
  for (const { child, name } of processes) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `${name} beklenmedik biçimde durdu / stopped unexpectedly (code ${code}, signal ${signal})\n`,
      );
      void stopAll(1);
    });
  }
  for (const [index, [, url]] of urls.entries())
    await waitUntilReady(
      url,
      processes.find((p) => p.name === SUITE[index]!.name)!,
    );

  const databases =
    postgres.kind === 'embedded'
      ? `embedded PostgreSQL (PGlite) under ${dataDir}`
      : `PostgreSQL at ${new URL(postgres.serverUrl).host}`;
  process.stdout.write(
    [
      '',
      'Konsey çalışıyor / Konsey is running:',
      ...urls.map(([name, url]) => `  ${name.padEnd(14)} ${url}   (${url}/openapi.json)`),
      `  data:          ${databases}`,
      `  redis:         ${redis.url}${redis.kind === 'spawned' ? ' (started from the PATH, data in the data folder)' : ''}`,
      'Durdurmak için Ctrl-C / press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof RedisMissingError ? error.message : `Konsey başlatılamadı / could not start: ${String((error as Error)?.message ?? error)}`}\n`,
  );
  process.exit(1);
});
