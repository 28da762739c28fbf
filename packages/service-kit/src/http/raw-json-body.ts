import type { IncomingMessage } from 'node:http';

const RAW_BODY = Symbol('konsey.rawJsonBody');

/** body-parser's `verify` hook: keeps the JSON body's bytes (already read; no copy) beside the parsed body. */
export function keepRawJsonBody(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  (req as IncomingMessage & { [RAW_BODY]?: Buffer })[RAW_BODY] = buffer;
}

/**
 * The JSON body exactly as sent, for a hot path that stores what it validated without serialising it
 * again (PostgreSQL parses it as jsonb, keeping the last of duplicate keys as JSON.parse does).
 */
export function rawJsonBody(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { [RAW_BODY]?: Buffer })[RAW_BODY]?.toString('utf8');
}
