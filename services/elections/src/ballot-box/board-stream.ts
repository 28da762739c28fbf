import { AppError } from '@konsey/service-kit';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import { boardEntries, boardHead, boardRound } from './board.js';

export interface BoardStreamOptions {
  /** How often the table is polled for new entries (default 1 s). */
  pollMs?: number;
  /** Comment line sent when nothing new came, so proxies keep the connection (default 15 s). */
  heartbeatMs?: number;
}

const Query = z.object({
  round: z.coerce.number().int().min(1).max(1000).optional(),
  after: z.coerce
    .number()
    .int()
    .min(-1)
    .max(2 ** 31 - 2)
    .optional(),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /v1/elections/:electionId/board/stream` — public Server-Sent Events for observers. Each new board
 * entry is an `entry` event (id = position, data = the public entry as in the paged board), and each
 * time the board grows a `head` event follows (round, length, head hash). Resume with `?after=<position>`
 * or the `Last-Event-ID` header. The status shown is the one at the time of sending; statuses change
 * later (received → accepted/refused/superseded) and are read from the paged board or the lookup.
 * Mount with the service's `routers` (before the API routes, so `stream` is not taken for a tracking code).
 */
export function ballotBoardRouter(prisma: PrismaClient, options: BoardStreamOptions = {}): Router {
  const pollMs = options.pollMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const router = Router();
  router.get(
    '/v1/elections/:electionId/board/stream',
    async (req: Request<{ electionId: string }>, res: Response) => {
      const { electionId } = req.params;
      const parsed = Query.safeParse(req.query);
      if (!UUID.test(electionId) || !parsed.success)
        throw new AppError('validation-failed', {
          detail: 'electionId must be a UUID; round and after integers',
        });
      const resume = Number(req.headers['last-event-id']);
      let after = parsed.data.after ?? (Number.isInteger(resume) && resume >= -1 ? resume : -1);
      const round = await boardRound(prisma, electionId, parsed.data.round);

      res.status(200);
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
      res.write(`retry: ${Math.max(pollMs, 1000)}\n\n`);

      let closed = false;
      req.on('close', () => {
        closed = true;
      });
      let quietSince = Date.now();
      let announced = -1;
      while (!closed) {
        try {
          const head = await boardHead(prisma, electionId, round);
          while (!closed && after < head.length - 1) {
            const entries = await boardEntries(prisma, electionId, round, after, 500, head.length);
            if (entries.length === 0) break;
            for (const entry of entries)
              res.write(`id: ${entry.position}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`);
            after = entries.at(-1)!.position;
          }
          if (head.length !== announced) {
            res.write(`event: head\ndata: ${JSON.stringify(head)}\n\n`);
            announced = head.length;
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= heartbeatMs) {
            res.write(': keep-alive\n\n');
            quietSince = Date.now();
          }
        } catch {
          break; // the database went away: the client reconnects with Last-Event-ID
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      res.end();
    },
  );
  return router;
}
