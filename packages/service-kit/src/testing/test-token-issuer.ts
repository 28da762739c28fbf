import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  generateSigningKey,
  jwksDocument,
  signToken,
  type SigningKey,
  type TokenSubject,
} from '../auth/signing-keys.js';

/**
 * A real JWKS endpoint on 127.0.0.1 for tests, and a `mint` that signs tokens with its key.
 * `rotate()` adds a new key, so tests can prove that verifiers refetch on an unknown `kid`.
 */
export interface TestTokenIssuer {
  jwksUrl: string;
  mint(subject: TokenSubject): Promise<string>;
  rotate(): Promise<void>;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

export async function startTestTokenIssuer(): Promise<TestTokenIssuer> {
  const keys: SigningKey[] = [(await generateSigningKey()).key];
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwksDocument(keys)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    mint: (subject) => signToken(keys.at(-1)!, subject),
    async rotate() {
      keys.push((await generateSigningKey()).key);
    },
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
