import { randomUUID } from 'node:crypto';
import type { Gender, Role } from '@konsey/contracts';
import { startTestService, startTestTokenIssuer } from '@konsey/service-kit/testing';
import { electionsService } from '../src/elections-service.js';

// Response bodies are read loosely: each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * Elections on a database of its own,
 * with a fixed clock, a token issuer, and helpers to fill the read model and call the API.
 */
export async function startElections(label: string) {
  const issuer = await startTestTokenIssuer();
  const clock = { now: new Date('2027-03-01T09:00:00.000Z') };
  const { service, stop: stopService } = await startTestService(electionsService({ now: () => clock.now }), {
    label,
    env: { JWKS_URL: issuer.jwksUrl },
  });
  const prisma = service.prisma;
  const token = (sub: string, roles: Role[]) => issuer.mint({ sub, roles });

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; language?: string } = {},
  ) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const type = response.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      type,
      bytes,
      body: (type.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined) as Json,
    };
  };

  const outbox = async () =>
    prisma.$queryRawUnsafe<{ type: string; envelope: { data: Json } }[]>(
      'SELECT type, envelope FROM konsey_outbox ORDER BY seq',
    );

  const roster = {
    async body(kind: string, name: string) {
      const bodyId = randomUUID();
      await prisma.rosterBody.create({ data: { bodyId, kind, name, createdAt: new Date() } });
      return bodyId;
    },
    async member(
      displayName: string,
      gender: Gender,
      options: {
        status?: 'active' | 'suspended';
        kind?: 'individual' | 'institutional';
        representativeName?: string;
        bodies?: string[];
      } = {},
    ) {
      const memberId = randomUUID();
      await prisma.rosterMember.create({
        data: {
          memberId,
          kind: options.kind ?? 'individual',
          displayName,
          gender,
          status: options.status ?? 'active',
          admittedAt: new Date('2020-01-01T00:00:00Z'),
          representativeName: options.representativeName ?? null,
        },
      });
      for (const bodyId of options.bodies ?? [])
        await prisma.rosterBodyMembership.create({
          data: { bodyId, memberId, joinedOn: new Date('2020-01-01T00:00:00Z') },
        });
      return memberId;
    },
    async office(memberId: string, bodyId: string, office: string, periodStart: number, term: 1 | 2) {
      await prisma.rosterOffice.create({
        data: {
          officeRecordId: randomUUID(),
          memberId,
          bodyId,
          office,
          seat: 'full',
          periodStart,
          term,
          fromDate: new Date(`${term === 1 ? periodStart : periodStart + 2}-01-10T00:00:00Z`),
        },
      });
    },
  };

  const stop = async () => {
    await stopService();
    await issuer.close();
  };
  return { service, prisma, clock, token, call, outbox, roster, stop };
}

/** The text of every page of a PDF, as pdf.js extracts it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}
