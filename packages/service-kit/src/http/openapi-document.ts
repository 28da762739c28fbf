import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import type { AnyRoute } from './define-route.js';

const problemResponse = {
  description: 'Problem details (RFC 9457) / Sorun ayrıntıları',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
} as const;

function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function operation(route: AnyRoute): ZodOpenApiOperationObject {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}),
    };
  }
  responses['4XX'] = problemResponse;
  responses['5XX'] = problemResponse;
  const roles = route.access === 'public' ? [] : route.access.anyOf;
  return {
    summary: route.summary,
    ...(route.tags ? { tags: route.tags } : {}),
    description: roles.length ? `Roller / roles: ${roles.join(', ')}` : 'Herkese açık / public',
    ...(roles.length ? { security: [{ bearer: [] }] } : { security: [] }),
    ...(route.request?.body
      ? {
          requestBody: {
            required: true,
            content: { [route.textBody?.mediaType ?? 'application/json']: { schema: route.request.body } },
          },
        }
      : {}),
    ...(route.request?.query || route.request?.params
      ? {
          requestParams: {
            ...(route.request.query ? { query: route.request.query } : {}),
            ...(route.request.params ? { path: route.request.params } : {}),
          },
        }
      : {}),
    responses: responses as ZodOpenApiOperationObject['responses'],
    'x-roles': roles,
  } as ZodOpenApiOperationObject;
}

/** OpenAPI 3.1 generated from the same zod schemas that validate the requests. */
export function createOpenApiDocument(options: {
  service: string;
  version: string;
  routes: readonly AnyRoute[];
}): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of options.routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: `Konsey ${options.service}`, version: options.version },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            traceId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  field: { type: 'string' },
                  code: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  });
}
