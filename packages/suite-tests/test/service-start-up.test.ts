import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_REDIS_URL, testRedisPrefix } from '@konsey/service-kit/testing';
import { freePort, startServiceProcess } from './service-process.js';

const membership = fileURLToPath(new URL('../../../services/membership/', import.meta.url));

function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', './dist/instrument.js', './dist/main.js'], {
      cwd: membership,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('service start-up', () => {
  it('when the configuration is wrong, then the process exits 1 naming every bad variable, without a stack trace', async () => {
    const { code, stderr } = await runToExit({ PORT: 'abc', REDIS_URL: 'http://localhost', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    for (const variable of ['PORT', 'REDIS_URL', 'LOG_LEVEL']) expect(stderr).toContain(variable);
    expect(stderr).toContain('yapılandırma hatalı');
    expect(stderr).toContain('configuration is invalid');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('when no DATABASE_URL is given, then the service runs on its embedded PostgreSQL in the data folder and stops cleanly', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'konsey-embedded-'));
    const port = await freePort();
    const service = await startServiceProcess('membership', {
      PORT: String(port),
      DATA_DIR: dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: testRedisPrefix('embedded'),
    });
    try {
      const ready = (await (await fetch(`${service.url}/readyz`)).json()) as { checks: string[] };
      expect(ready.checks).toEqual(['postgresql', 'redis']);
      const openapi = (await (await fetch(`${service.url}/openapi.json`)).json()) as { openapi: string };
      expect(openapi.openapi).toMatch(/^3\.1/);
    } finally {
      await service.stop();
    }
    expect(service.exitCode()).toBe(0);
  });

  it('when the embedded PostgreSQL is asked for by an api-only process, then it refuses, saying why', async () => {
    const { code, stderr } = await runToExit({ PORT: '0', KONSEY_PROCESS: 'api', DATA_DIR: await mkdtemp(join(tmpdir(), 'konsey-')) });
    expect(code).toBe(1);
    expect(stderr).toContain('KONSEY_PROCESS');
  });
});
