import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runService, type BaseConfig, type RunningService } from '@konsey/service-kit';
import { createTestDatabase, testRedisPrefix, TEST_REDIS_URL } from '@konsey/service-kit/testing';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { membershipService } from '../../membership-service.js';
import type { AuthConfig } from '../auth-config.js';
import { keyringFor, type Keyring } from '../app/create-keyring.js';
import { capturingCodeSender, type CapturingCodeSender } from './capturing-code-sender.js';

/** A clock that follows real time and can be moved forward, so tests never sleep. */
export interface TestClock {
  (): Date;
  advance(seconds: number): void;
}

export function testClock(): TestClock {
  let offsetMs = 0;
  const clock = (() => new Date(Date.now() + offsetMs)) as TestClock;
  clock.advance = (seconds) => void (offsetMs += seconds * 1_000);
  return clock;
}

export interface CallResult {
  status: number;
  type: string | null;
  text: string;
  // Response bodies are read loosely: each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface AuthTestService {
  url: string;
  prisma: PrismaClient;
  /** The configuration the service runs with. */
  config: BaseConfig & AuthConfig;
  keyring: Keyring;
  clock: TestClock;
  codes: CapturingCodeSender;
  /** Every response body this harness received, for the check that no secret ever leaves. */
  responses: string[];
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<CallResult>;
  stop(): Promise<void>;
}

/**
 * Membership as it runs, on a database of its own,
 * with a movable clock and a code sender that lets the test read the codes.
 */
export async function startAuthService(
  label: string,
  env: Record<string, string> = {},
): Promise<AuthTestService> {
  const database = await createTestDatabase(label);
  const dataDir = await mkdtemp(join(tmpdir(), 'konsey-auth-'));
  const clock = testClock();
  const codes = capturingCodeSender();
  let service: RunningService<PrismaClient, BaseConfig & AuthConfig>;
  try {
    service = await runService({
      ...membershipService({ clock, codeSender: codes }),
      env: {
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: testRedisPrefix(label),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        KONSEY_PROCESS: 'api',
        NODE_ENV: 'test',
        ...env,
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const responses: string[] = [];
  return {
    url: service.url!,
    prisma: service.prisma,
    config: service.config,
    keyring: keyringFor(service, clock),
    clock,
    codes,
    responses,
    async call(method, path, options = {}) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      responses.push(text);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: response.status, type: response.headers.get('content-type'), text, body };
    },
    async stop() {
      await service.stop();
      await database.drop();
    },
  };
}
