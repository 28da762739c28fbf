import { randomUUID } from 'node:crypto';
import { pruneBusTables } from '../src/events/prune-bus-tables.js';
import { createBusHarness } from './bus-harness.js';

describe('pruneBusTables', () => {
  it('when rows are past their retention, then published outbox rows and old inbox ids go; the rest stays', async () => {
    const bus = await createBusHarness('bus_prune');
    try {
      const outbox = async (published: boolean, ageHours: number) => {
        const id = randomUUID();
        await bus.pool.query(
          `INSERT INTO konsey_outbox (id, type, envelope, created_at, published_at)
           VALUES ($1, 't', '{}', now() - make_interval(hours => $2), CASE WHEN $3 THEN now() ELSE NULL END)`,
          [id, ageHours, published],
        );
        return id;
      };
      const inbox = async (ageHours: number) => {
        const id = randomUUID();
        await bus.pool.query(
          `INSERT INTO konsey_inbox (message_id, type, handled_at) VALUES ($1, 't', now() - make_interval(hours => $2))`,
          [id, ageHours],
        );
        return id;
      };
      await outbox(true, 24 * 8); // goes
      const oldUnpublished = await outbox(false, 24 * 8);
      const recentPublished = await outbox(true, 1);
      await inbox(24 * 31); // goes
      const recentHandled = await inbox(24 * 29);

      expect(await pruneBusTables(bus.db)).toEqual({ outbox: 1, inbox: 1 });
      const left = async (table: string, column: string) =>
        (await bus.pool.query(`SELECT ${column} AS id FROM ${table}`)).rows
          .map((row: { id: string }) => row.id)
          .sort();
      expect(await left('konsey_outbox', 'id')).toEqual([oldUnpublished, recentPublished].sort());
      expect(await left('konsey_inbox', 'message_id')).toEqual([recentHandled]);
    } finally {
      await bus.close();
    }
  });
});
