import type { Role } from '@konsey/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AuthContext } from '../auth/auth-context.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route: nobody needs a token (`public`), or the token must carry one of the roles. */
export type RouteAccess = 'public' | { anyOf: readonly Role[] };

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteContext<Body, Query, Params, Auth> {
  body: Body;
  query: Query;
  params: Params;
  auth: Auth;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDefinition<
  BodySchema extends z.ZodType | undefined = z.ZodType | undefined,
  QuerySchema extends z.ZodType | undefined = z.ZodType | undefined,
  ParamsSchema extends z.ZodType | undefined = z.ZodType | undefined,
  Access extends RouteAccess = RouteAccess,
> {
  method: HttpMethod;
  /** Express-style path, e.g. `/v1/members/:memberId`. */
  path: string;
  summary: string;
  tags?: string[];
  access: Access;
  request?: { body?: BodySchema; query?: QuerySchema; params?: ParamsSchema };
  /**
   * Take the body as text of this media type (e.g. `text/csv`) instead of JSON; the body schema then
   * validates the string.
   */
  textBody?: { mediaType: string; limit: string };
  responses: Record<number, RouteResponse>;
  handler: (
    context: RouteContext<
      Infer<BodySchema>,
      Infer<QuerySchema>,
      Infer<ParamsSchema>,
      Access extends 'public' ? AuthContext | undefined : AuthContext
    >,
  ) => Promise<RouteResult>;
}

/**
 * Declare a route once: the same definition validates input, checks the role, runs the handler and
 * documents the route in OpenAPI.
 */
export function defineRoute<
  BodySchema extends z.ZodType | undefined = undefined,
  QuerySchema extends z.ZodType | undefined = undefined,
  ParamsSchema extends z.ZodType | undefined = undefined,
  const Access extends RouteAccess = RouteAccess,
>(
  route: RouteDefinition<BodySchema, QuerySchema, ParamsSchema, Access>,
): RouteDefinition<BodySchema, QuerySchema, ParamsSchema, Access> {
  return route;
}

// The registry holds routes of every shape; handlers are type-checked where they are defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any>;
