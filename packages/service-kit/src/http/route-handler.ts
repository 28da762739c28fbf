import type { RequestHandler } from 'express';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { AppError } from '../errors/app-error.js';
import type { AnyRoute } from './define-route.js';
import { validateInput } from './validate-input.js';

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Authenticate, authorise, validate, then run the route's handler. */
export function routeHandler(route: AnyRoute, verifier: TokenVerifier | undefined): RequestHandler {
  return async (req, res) => {
    const token = bearerToken(req.headers.authorization);
    let auth;
    if (route.access !== 'public' || token) {
      if (!token) throw new AppError('unauthenticated');
      if (!verifier) throw new AppError('internal', { detail: 'no token verifier configured' });
      auth = await verifier.verify(token);
    }
    if (route.access !== 'public') {
      const allowed = route.access.anyOf;
      if (!auth?.roles.some((role) => allowed.includes(role))) {
        throw new AppError('forbidden', { detail: `needs one of the roles: ${allowed.join(', ')}` });
      }
    }
    const request = route.request ?? {};
    const mediaType = route.textBody?.mediaType ?? 'application/json';
    if (request.body && !req.is(mediaType)) {
      throw new AppError('unsupported-media-type', { detail: `send the body as ${mediaType}` });
    }
    const body = request.body ? validateInput('body', request.body, req.body) : undefined;
    const query = request.query ? validateInput('query', request.query, req.query) : undefined;
    const params = request.params ? validateInput('params', request.params, req.params) : undefined;
    const result = await route.handler({ body, query, params, auth, req, res });
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    if (result.body === undefined) res.status(result.status).end();
    else res.status(result.status).json(result.body);
  };
}
