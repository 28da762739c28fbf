import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePostgres, chooseRedis, freePort } from '@konsey/launcher';
import { createOperator, type Operator } from './create-operator.js';
import { createOwnDatabases, type OwnDatabases } from './own-databases.js';
import { startService, stopProcesses, waitReady, type StartedProcess } from './service-processes.js';
import { SmsSink } from './sms-sink.js';
import { SmtpSink } from './smtp-sink.js';
import { SERVICES, type SuiteEndpoints } from './suite-endpoints.js';

/** A suite the rehearsal started for itself, on fresh, empty databases. */
export interface OwnSuite {
  endpoints: SuiteEndpoints;
  operator: Operator;
  smtp: SmtpSink;
  sms: SmsSink;
  /** What it runs on, for the report. */
  description: { postgres: string; redis: string; dataDir: string; runId: string };
  processes: StartedProcess[];
  /**
   * Stop the processes; with `keep`, leave databases, data folder and logs for inspection; with
   * `keepLogs`, only the services' logs (moved to `<data folder>-logs`).
   */
  stop(options?: { keep?: boolean; keepLogs?: boolean }): Promise<void>;
}

export interface OwnSuiteOptions {
  /** The rehearsal's environment (POSTGRES_URL, REDIS_URL, KONSEY_DATABASE=embedded as for `npm start`). */
  env: NodeJS.ProcessEnv;
  progress?: (line: string) => void;
}

/**
 * Start the four services as `npm start` does (API and worker per service, or one process each on the
 * embedded database), on databases made for this run (`konsey_<run>_<service>`), a Redis prefix of its
 * own (or a spawned Redis), and a local SMTP sink; create the council's first operator with membership's
 * CLI before membership starts.
 */
export async function startOwnSuite(options: OwnSuiteOptions): Promise<OwnSuite> {
  const { env } = options;
  const progress = options.progress ?? (() => undefined);
  const runId = `rh${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'konsey-rehearsal-'));
  const logDir = join(dataDir, 'logs');
  await mkdir(logDir, { recursive: true });
  const postgres = await choosePostgres(env);
  const redis = await chooseRedis(env, join(dataDir, 'redis'));
  let databases: OwnDatabases | undefined;
  let smtp: SmtpSink | undefined;
  let sms: SmsSink | undefined;
  const processes: StartedProcess[] = [];
  const cleanUp = async (keep: boolean, keepLogs = false) => {
    await stopProcesses(processes);
    if (redis.kind === 'spawned') redis.process.kill('SIGTERM');
    await smtp?.close();
    await sms?.close();
    if (!keep) {
      await databases?.drop().catch(() => undefined);
      if (keepLogs) await rename(logDir, `${dataDir}-logs`).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
  try {
    if (postgres.kind !== 'embedded')
      databases = await createOwnDatabases(postgres.serverUrl, runId, SERVICES);
    smtp = await SmtpSink.start(await freePort());
    sms = await SmsSink.start(await freePort());
    const ports = Object.fromEntries(
      await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)),
    ) as Record<(typeof SERVICES)[number], number>;
    const endpoints = Object.fromEntries(
      SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`]),
    ) as unknown as SuiteEndpoints;
    const common: NodeJS.ProcessEnv = {
      ...env,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `konsey-${runId}`,
      JWKS_URL: `${endpoints.membership}/.well-known/jwks.json`,
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
      OUTBOX_POLL_MS: '50',
      EVENT_BACKOFF_MS: '200',
      // Membership: access tokens outlive the rehearsal's phases; a member may ask for a code again.
      AUTH_ACCESS_TTL_SECONDS: '3600',
      AUTH_CODE_REQUESTS_PER_HOUR: '20',
      // Notifications: mail to the sink, fast enough for a council of hundreds.
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      EMAIL_RATE: '500/1000',
      // SMS to the rehearsal's stand-in provider, at any hour (no quiet hours: `from` equals `to`).
      SMS_URL: sms.url,
      SMS_TOKEN: sms.token,
      SMS_RATE: '500/1000',
      SMS_QUIET_HOURS: '0-0',
      PUBLIC_BASE_URL: endpoints.notifications,
    };
    delete common.POSTGRES_URL;
    delete common.DATABASE_URL;
    delete common.KONSEY_PROCESS;
    const databaseEnv = (service: (typeof SERVICES)[number]) =>
      databases ? { DATABASE_URL: databases.urls[service] } : {};

    progress('ilk operatör oluşturuluyor / creating the first operator');
    const operator = await createOperator({ ...common, ...databaseEnv('membership') });

    for (const service of SERVICES) {
      const own = { ...common, ...databaseEnv(service), PORT: String(ports[service]) };
      if (!databases) {
        // The service kit gives each service one connection to its embedded PostgreSQL (PGlite is one session).
        const embedded = { ...own, KONSEY_PROCESS: 'all' };
        processes.push(startService({ service, label: service, env: embedded, logDir }));
        continue;
      }
      processes.push(
        startService({ service, label: service, env: { ...own, KONSEY_PROCESS: 'api' }, logDir }),
      );
      processes.push(
        startService({
          service,
          label: `${service}-worker`,
          env: { ...own, PORT: '0', KONSEY_PROCESS: 'worker' },
          logDir,
        }),
      );
    }
    progress('servisler başlatılıyor / starting the services');
    for (const service of SERVICES)
      await waitReady(
        endpoints[service],
        processes.find((p) => p.name === service)!,
      );
    return {
      endpoints,
      operator,
      smtp,
      sms,
      processes,
      description: {
        postgres:
          postgres.kind === 'embedded'
            ? `embedded PostgreSQL (PGlite) under ${dataDir}`
            : `PostgreSQL ${new URL(postgres.serverUrl).host}, databases konsey_${runId}_*`,
        redis: `${redis.url} (${redis.kind}), prefix konsey-${runId}`,
        dataDir,
        runId,
      },
      stop: (stopOptions = {}) => cleanUp(stopOptions.keep ?? false, stopOptions.keepLogs ?? false),
    };
  } catch (error) {
    await cleanUp(false);
    throw error;
  }
}
