import type { Role } from '@konsey/contracts';
import { startTestService } from '@konsey/service-kit/testing';
import { keyringFor } from '../src/auth/index.js';
import { membershipService } from '../src/membership-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * Membership's API on a fresh database of its own (KONSEY_PROCESS=api, so events stay in the outbox
 * where tests read them), with helpers to sign tokens and call it.
 */
export async function startMembership(label: string, env: Record<string, string> = {}) {
  const { service, stop } = await startTestService(membershipService(), { label, env });
  const keyring = keyringFor(service);
  const token = (sub: string, roles: Role[]) => keyring.sign({ sub, roles });

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; csv?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.csv !== undefined ? { body: options.csv } : {}),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json().catch(() => undefined)) as Json,
    };
  };

  const outbox = async () =>
    service.prisma.$queryRawUnsafe<{ type: string; envelope: { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );

  return { service, prisma: service.prisma, keyring, token, call, outbox, stop };
}
