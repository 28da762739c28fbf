import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { generateSigningKey, signToken } from '../src/auth/signing-keys.js';
import { createJwksTokenVerifier } from '../src/auth/token-verifier.js';
import { kitErrorCodes } from '../src/errors/error-codes.js';
import { createHttpApp } from '../src/http/create-http-app.js';
import { defineRoute } from '../src/http/define-route.js';
import { createLogger } from '../src/logging/create-logger.js';
import { createMetricsRegistry } from '../src/telemetry/create-metrics-registry.js';
import { startTestTokenIssuer, type TestTokenIssuer } from '../src/testing/test-token-issuer.js';

const ITEM_ID = '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f';
const SECRET_MESSAGE = 'database password is hunter2';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
}

let issuer: TestTokenIssuer;
let server: Server;
let baseUrl: string;
const readiness = { postgres: true, redis: true };

const getItem = defineRoute({
  method: 'get',
  path: '/v1/items/:itemId',
  summary: 'Read an item',
  access: 'public',
  request: { params: z.object({ itemId: z.uuid() }) },
  responses: { 200: { description: 'The item', schema: z.object({ id: z.string() }) } },
  handler: async ({ params }) => ({ status: 200, body: { id: params.itemId } }),
});

const createItem = defineRoute({
  method: 'post',
  path: '/v1/items',
  summary: 'Create an item',
  access: { anyOf: ['staff'] },
  request: { body: z.object({ name: z.string().min(1), quantity: z.number().int().positive() }) },
  responses: { 201: { description: 'Created' } },
  handler: async ({ body, auth }) => ({
    status: 201,
    body: { name: body.name, quantity: body.quantity, createdBy: auth.subject },
    headers: { Location: '/v1/items/new' },
  }),
});

const broken = defineRoute({
  method: 'get',
  path: '/v1/broken',
  summary: 'Always fails',
  access: 'public',
  responses: { 200: { description: 'Never' } },
  handler: async () => {
    throw new Error(SECRET_MESSAGE);
  },
});

/** What Prisma throws when no transaction can start within its wait (the pool is saturated). */
const saturated = defineRoute({
  method: 'get',
  path: '/v1/saturated',
  summary: 'The database is saturated',
  access: 'public',
  responses: { 200: { description: 'Never' } },
  handler: async () => {
    throw Object.assign(
      new Error('Transaction API error: Unable to start a transaction in the given time.'),
      {
        code: 'P2028',
      },
    );
  },
});

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  const app = createHttpApp({
    service: 'test',
    version: '1.2.3',
    logger: createLogger({ service: 'test', level: 'silent' }),
    routes: [getItem, createItem, broken, saturated],
    verifier: createJwksTokenVerifier(issuer.jwksUrl),
    readiness: [
      {
        name: 'postgres',
        check: async () => {
          if (!readiness.postgres) throw new Error('connection refused');
        },
      },
      {
        name: 'redis',
        check: async () => {
          if (!readiness.redis) throw new Error('connection refused');
        },
      },
    ],
    metrics: createMetricsRegistry('test'),
    bodyLimit: '1kb',
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await issuer.close();
});

async function staffToken(): Promise<string> {
  return issuer.mint({ sub: 'staff-1', roles: ['staff'] });
}

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/v1/items`, { method: 'POST', headers, body });
}

async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({ status, code, type: `https://konsey.dev/problems/${code}` });
  return problem;
}

describe('createHttpApp request bodies', () => {
  it('when the JSON body is malformed, then 400 malformed-json problem', async () => {
    const response = await post('{"name": ', {
      'content-type': 'application/json',
      authorization: `Bearer ${await staffToken()}`,
    });
    await expectProblem(response, 400, 'malformed-json');
  });

  it('when the body fails the schema, then 400 validation-failed naming each field', async () => {
    const response = await post(JSON.stringify({ name: '', quantity: -1 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${await staffToken()}`,
    });
    const problem = await expectProblem(response, 400, 'validation-failed');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['body.name', 'body.quantity']);
    expect(problem.detail).toContain('body.name');
  });

  it('when the body is not sent as JSON, then 415 unsupported-media-type', async () => {
    const response = await post('name=x', {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Bearer ${await staffToken()}`,
    });
    await expectProblem(response, 415, 'unsupported-media-type');
  });

  it('when the body is larger than the limit, then 413 payload-too-large', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(4_096), quantity: 1 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${await staffToken()}`,
    });
    await expectProblem(response, 413, 'payload-too-large');
  });
});

describe('createHttpApp routes and access', () => {
  it('when a public route gets valid params, then the handler answers without a token', async () => {
    const response = await fetch(`${baseUrl}/v1/items/${ITEM_ID}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: ITEM_ID });
  });

  it('when a public route gets bad params, then 400 validation-failed naming params field', async () => {
    const response = await fetch(`${baseUrl}/v1/items/not-a-uuid`);
    const problem = await expectProblem(response, 400, 'validation-failed');
    expect(problem.errors?.map((error) => error.field)).toEqual(['params.itemId']);
  });

  it('when the route does not exist, then 404 route-not-found with the path as instance', async () => {
    const response = await fetch(`${baseUrl}/v1/nowhere?x=1`);
    const problem = await expectProblem(response, 404, 'route-not-found');
    expect(problem.instance).toBe('/v1/nowhere?x=1');
  });

  it('when a protected route gets no token, then 401 unauthenticated', async () => {
    const response = await post(JSON.stringify({ name: 'a', quantity: 1 }), {
      'content-type': 'application/json',
    });
    await expectProblem(response, 401, 'unauthenticated');
  });

  it('when the token lacks the role, then 403 forbidden', async () => {
    const token = await issuer.mint({ sub: 'member-1', roles: ['member'] });
    const response = await post(JSON.stringify({ name: 'a', quantity: 1 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    await expectProblem(response, 403, 'forbidden');
  });

  it('when the token carries the role, then 201 with the handler body and headers', async () => {
    const response = await post(JSON.stringify({ name: 'chair', quantity: 2 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${await staffToken()}`,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/v1/items/new');
    expect(await response.json()).toEqual({ name: 'chair', quantity: 2, createdBy: 'staff-1' });
  });

  it('when the token is signed by a key the issuer never published, then 401 unauthenticated', async () => {
    const { key } = await generateSigningKey();
    const forged = await signToken(key, { sub: 'staff-1', roles: ['staff'] });
    const response = await post(JSON.stringify({ name: 'a', quantity: 1 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${forged}`,
    });
    await expectProblem(response, 401, 'unauthenticated');
  });

  it('when the token has expired, then 401 unauthenticated', async () => {
    const expired = await issuer.mint({ sub: 'staff-1', roles: ['staff'], ttlSeconds: -120 });
    const response = await post(JSON.stringify({ name: 'a', quantity: 1 }), {
      'content-type': 'application/json',
      authorization: `Bearer ${expired}`,
    });
    await expectProblem(response, 401, 'unauthenticated');
  });

  it('when the Authorization header is not a bearer token, then 401 unauthenticated', async () => {
    const response = await post(JSON.stringify({ name: 'a', quantity: 1 }), {
      'content-type': 'application/json',
      authorization: 'Basic dXNlcjpwYXNz',
    });
    await expectProblem(response, 401, 'unauthenticated');
  });

  it('when a handler throws a plain Error, then 500 internal that reveals neither the message nor the stack', async () => {
    const response = await fetch(`${baseUrl}/v1/broken`);
    const text = await response.clone().text();
    const problem = await expectProblem(response, 500, 'internal');
    expect(problem.detail).toBeUndefined();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(SECRET_MESSAGE);
    expect(text).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(text).not.toContain('.ts');
  });

  it('when no database transaction can start in time, then 503 unavailable with Retry-After, not 500', async () => {
    const response = await fetch(`${baseUrl}/v1/saturated`);
    expect(response.headers.get('retry-after')).toBe('1');
    const problem = await expectProblem(response, 503, 'unavailable');
    expect(problem.detail).toMatch(/busy/);
  });
});

describe('createHttpApp language', () => {
  it('when no Accept-Language is sent, then the title is Turkish', async () => {
    const problem = await expectProblem(await fetch(`${baseUrl}/v1/nowhere`), 404, 'route-not-found');
    expect(problem.title).toBe(kitErrorCodes['route-not-found'].tr);
  });

  it('when Accept-Language prefers English, then the title is English', async () => {
    const response = await fetch(`${baseUrl}/v1/nowhere`, { headers: { 'accept-language': 'en' } });
    const problem = await expectProblem(response, 404, 'route-not-found');
    expect(problem.title).toBe(kitErrorCodes['route-not-found'].en);
  });

  it('when Accept-Language prefers Turkish over English, then the title is Turkish', async () => {
    const response = await fetch(`${baseUrl}/v1/nowhere`, {
      headers: { 'accept-language': 'tr-TR, en;q=0.5' },
    });
    const problem = await expectProblem(response, 404, 'route-not-found');
    expect(problem.title).toBe(kitErrorCodes['route-not-found'].tr);
  });
});

describe('createHttpApp health, metrics and OpenAPI', () => {
  it('when /healthz is called, then 200 ok', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('when every readiness check passes, then /readyz answers 200 listing the checks', async () => {
    const response = await fetch(`${baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: ['postgres', 'redis'] });
  });

  it('when one readiness check rejects, then /readyz answers 503 unavailable naming the failing check', async () => {
    readiness.redis = false;
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      const problem = await expectProblem(response, 503, 'unavailable');
      expect(problem.detail).toContain('redis');
      expect(problem.detail).not.toContain('postgres');
    } finally {
      readiness.redis = true;
    }
  });

  it('when requests were served, then /metrics exposes http_server_request_duration_seconds by route template', async () => {
    await fetch(`${baseUrl}/v1/items/${ITEM_ID}`);
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('http_server_request_duration_seconds');
    expect(text).toContain('route="/v1/items/:itemId"');
    expect(text).not.toContain(ITEM_ID);
  });

  it('when /openapi.json is fetched, then it is OpenAPI 3.1 with {param} paths and the request body schema', async () => {
    const response = await fetch(`${baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.version).toBe('1.2.3');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/broken',
      '/v1/items',
      '/v1/items/{itemId}',
      '/v1/saturated',
    ]);

    const read = document.paths['/v1/items/{itemId}']!.get!;
    expect(read.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'itemId' })]),
    );

    const create = document.paths['/v1/items']!.post! as {
      requestBody: {
        content: {
          'application/json': {
            schema: { type?: string; properties?: Record<string, unknown>; required?: string[] };
          };
        };
      };
      security: unknown[];
      'x-roles': string[];
    };
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['name', 'quantity']);
    expect(schema.required?.sort()).toEqual(['name', 'quantity']);
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(create['x-roles']).toEqual(['staff']);
  });
});

describe('createHttpApp headers', () => {
  it('when a valid X-Request-Id is sent, then it is echoed', async () => {
    const response = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'req-abc.123_x' } });
    expect(response.headers.get('x-request-id')).toBe('req-abc.123_x');
  });

  it('when the X-Request-Id is invalid, then a new one is generated', async () => {
    const response = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    const id = response.headers.get('x-request-id');
    expect(id).not.toBe('bad id <script>');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('when no X-Request-Id is sent, then one is generated', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when any response is sent, then helmet security headers are present and x-powered-by is not', async () => {
    const response = await fetch(`${baseUrl}/v1/nowhere`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
