import { describe, expect, it } from '@jest/globals';
import { baseConfigSchema } from '../src/config/base-config.js';
import { ConfigError } from '../src/config/config-error.js';
import { loadConfig, type Env } from '../src/config/load-config.js';

function configErrorOf(env: Env, defaults?: Env): ConfigError {
  try {
    loadConfig('svc', baseConfigSchema, env, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('when several variables are bad, then one ConfigError names every one of them in Turkish and English', () => {
    const error = configErrorOf({ PORT: 'abc', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });

    expect(error.code).toBe('config-invalid');
    expect(error.service).toBe('svc');
    const variables = error.problems.map((problem) => problem.split(':')[0]);
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'REDIS_URL', 'LOG_LEVEL']));
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT', 'REDIS_URL', 'LOG_LEVEL']) expect(error.message).toContain(name);
    expect(error.message).toContain('svc');
    expect(error.message).toContain('yapılandırma hatalı');
    expect(error.message).toContain('configuration is invalid');
    expect(error.message).toContain('Ortam değişkenlerini düzeltip yeniden başlatın');
    expect(error.message).toContain('fix the environment variables');
  });

  it('when a variable has a bad value, then the problem quotes the value given', () => {
    const error = configErrorOf({ PORT: 'abc', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });

    expect(error.problems.find((problem) => problem.startsWith('PORT:'))).toContain('got "abc"');
    expect(error.problems.find((problem) => problem.startsWith('REDIS_URL:'))).toContain('got "http://x"');
    expect(error.problems.find((problem) => problem.startsWith('LOG_LEVEL:'))).toContain('got "loud"');
  });

  it('when a required variable is missing, then it is reported as not set', () => {
    const error = configErrorOf({});

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PORT: .*\(not set\)$/);
  });

  it('when a required variable is an empty string, then it counts as unset', () => {
    const error = configErrorOf({ PORT: '' });

    expect(error.problems[0]).toMatch(/^PORT: .*\(not set\)$/);
  });

  it('when an optional variable is an empty string, then it counts as unset and its default applies', () => {
    const config = loadConfig('svc', baseConfigSchema, {
      PORT: '3000',
      LOG_LEVEL: '',
      REDIS_URL: '',
      DATABASE_URL: '',
    });

    expect(config.LOG_LEVEL).toBe('info');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('when only the required variables are given, then the defaults apply and numbers are coerced', () => {
    const config = loadConfig('svc', baseConfigSchema, { PORT: '3000' });

    expect(config).toMatchObject({
      PORT: 3000,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      KONSEY_PROCESS: 'all',
      DATABASE_POOL_MAX: 10,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'konsey',
      JWKS_URL: 'http://127.0.0.1:4001/.well-known/jwks.json',
      LOG_LEVEL: 'info',
      HTTP_BODY_LIMIT: '256kb',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('when valid values are given, then they are used', () => {
    const config = loadConfig('svc', baseConfigSchema, {
      PORT: '0',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
      REDIS_URL: 'rediss://cache:6380',
      LOG_LEVEL: 'silent',
      KONSEY_PROCESS: 'worker',
    });

    expect(config.PORT).toBe(0);
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/x');
    expect(config.REDIS_URL).toBe('rediss://cache:6380');
    expect(config.LOG_LEVEL).toBe('silent');
    expect(config.KONSEY_PROCESS).toBe('worker');
  });

  it('when the defaults argument sets a variable the environment does not, then the defaults argument applies', () => {
    const config = loadConfig('svc', baseConfigSchema, {}, { PORT: '4000', LOG_LEVEL: 'warn' });

    expect(config.PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it('when the environment sets a variable the defaults argument also sets, then the environment wins', () => {
    const config = loadConfig('svc', baseConfigSchema, { PORT: '5000' }, { PORT: '4000', LOG_LEVEL: 'warn' });

    expect(config.PORT).toBe(5000);
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it('when the environment sets a variable to an empty string, then the defaults argument still applies as if it were unset', () => {
    // `FOO=` must behave like no FOO at all (load-config.ts), so the service's own default must survive it.
    const config = loadConfig(
      'svc',
      baseConfigSchema,
      { PORT: '', LOG_LEVEL: '' },
      { PORT: '4000', LOG_LEVEL: 'warn' },
    );

    expect(config.PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it('when a value is too long, then the problem shows it shortened', () => {
    const long = `http://${'a'.repeat(60)}`;
    const error = configErrorOf({ PORT: '1', DATABASE_URL: long });

    const problem = error.problems.find((p) => p.startsWith('DATABASE_URL:'))!;
    expect(problem).toContain(`got "${long.slice(0, 40)}…"`);
    expect(problem).not.toContain(long);
  });

  it('when a port is out of range or not an integer, then PORT is reported', () => {
    expect(configErrorOf({ PORT: '70000' }).problems[0]).toMatch(/^PORT:/);
    expect(configErrorOf({ PORT: '1.5' }).problems[0]).toMatch(/^PORT:/);
  });
});
