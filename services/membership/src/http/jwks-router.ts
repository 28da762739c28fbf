import { jwksDocument, type SigningKey } from '@konsey/service-kit';
import { Router } from 'express';

/** The public keys other services verify tokens with. */
export function jwksRouter(keys: readonly SigningKey[]): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(jwksDocument(keys));
  });
  return router;
}
