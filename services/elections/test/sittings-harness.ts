import { randomUUID } from 'node:crypto';
import type { Role } from '@konsey/contracts';
import { createEnvelope, type MessageData } from '@konsey/contracts';
import { handleDelivery } from '@konsey/service-kit';
import { startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import type { Prisma } from '../src/generated/prisma/client.js';
import { electionsService } from '../src/elections-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * The elections API on a fresh database of its own (KONSEY_PROCESS=api, so events stay in the outbox
 * where tests read them), a token issuer, and helpers to fill the roster, deliver commands and call it.
 */
export async function startSittings(label: string) {
  const issuer = await startTestTokenIssuer();
  const options = electionsService();
  const { service, stop: stopService } = await startTestService(options, {
    label,
    env: { JWKS_URL: issuer.jwksUrl },
  });
  const prisma = service.prisma;
  const handlers = options.handlers!({
    config: {} as never,
    logger: service.logger,
    prisma,
    pool: {} as never,
    redis: {} as never,
  });

  /** What the inbox worker does with a job, without the queue: parse, dedupe, handle in one transaction. */
  const deliver = (envelope: unknown) =>
    handleDelivery<Prisma.TransactionClient>(
      { transaction: (work) => prisma.$transaction(work), handlers },
      JSON.parse(JSON.stringify(envelope)),
    );

  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });
  const staff = await token(randomUUID(), ['staff']);
  const board = await token(randomUUID(), ['executive-board']);

  const call = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as Json };
  };

  /** A body on the roster with `size` active members (the general assembly counts every active member). */
  const seedBody = async (options: {
    size: number;
    kind?: string;
    institutions?: number;
  }): Promise<{ bodyId: string; members: string[] }> => {
    const bodyId = randomUUID();
    await prisma.rosterBody.create({
      data: {
        bodyId,
        kind: options.kind ?? 'working-group',
        name: `Kurul ${bodyId.slice(0, 4)}`,
        createdAt: new Date(),
      },
    });
    const members: string[] = [];
    for (let index = 0; index < options.size; index += 1) {
      const memberId = randomUUID();
      const institution = index < (options.institutions ?? 0);
      await prisma.rosterMember.create({
        data: {
          memberId,
          kind: institution ? 'institutional' : 'individual',
          displayName: institution ? `Oda ${index}` : `Üye ${index}`,
          gender: index % 2 ? 'male' : 'female',
          status: 'active',
          admittedAt: new Date('2024-01-01'),
          ...(institution
            ? { representativeName: `Temsilci ${index}`, representativeSince: new Date('2024-01-01') }
            : {}),
        },
      });
      await prisma.rosterBodyMembership.create({
        data: { bodyId, memberId, joinedOn: new Date('2024-01-01') },
      });
      members.push(memberId);
    }
    return { bodyId, members };
  };

  const pollCommand = (data: Partial<MessageData<'elections.poll.open'>> & { bodyId: string }) => {
    const full: MessageData<'elections.poll.open'> = {
      pollId: randomUUID(),
      subject: { kind: 'motion', id: randomUUID() },
      title: 'Bisiklet yolu önergesi',
      visibility: 'open',
      majority: 'present',
      choices: ['yes', 'no', 'abstain'],
      requestedAt: new Date().toISOString(),
      ...data,
    };
    return { ...createEnvelope({ type: 'elections.poll.open', data: full }), data: full };
  };

  const outbox = async (type: string) =>
    prisma.$queryRawUnsafe<{ type: string; envelope: { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox WHERE type = $1 ORDER BY seq',
      type,
    );

  const stop = async () => {
    await stopService();
    await issuer.close();
  };
  return { service, prisma, deliver, token, staff, board, call, seedBody, pollCommand, outbox, stop };
}

export type SittingsHarness = Awaited<ReturnType<typeof startSittings>>;
