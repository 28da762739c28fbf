import { createHash } from 'node:crypto';
import type { ElectionReport, Placement } from '../report/result-types.js';
import type { CouncilContext } from './council-context.js';
import type { Json } from './http-client.js';

/** A member id as the scenario's ref (or the id itself for someone the scenario does not know). */
export function refOf(context: CouncilContext, id: string): string {
  return context.refOfMember.get(id) ?? id;
}

/** Redo a drawing of lots from its published seed (elections' rule: ascending SHA-256 of `seed:id`). */
export function redrawLots(seed: string, tied: readonly string[]): string[] {
  const key = (id: string) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
  return [...new Set(tied)].sort().sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

const placement = (context: CouncilContext, total: Json): Placement => ({
  ref: refOf(context, (total.memberId ?? total.candidateId) as string),
  gender: total.gender as string,
  votes: total.votes as number,
});

/** What the certified result says: the lists, displacements, shortfalls and lots, in scenario refs. */
export function resultFields(
  context: CouncilContext,
  content: Json,
): Pick<ElectionReport, 'elected' | 'substitutes' | 'displacements' | 'shortfalls' | 'tieBreaks'> {
  const places = (content.elected as Json[] | undefined) ?? [];
  const bySeat = (seat: string) =>
    places
      .filter((p) => p.seat === seat)
      .sort((a, b) => (a.rank as number) - (b.rank as number))
      .map((p) => placement(context, p));
  return {
    elected: bySeat('full'),
    substitutes: bySeat('substitute'),
    displacements: ((content.displacements as Json[] | undefined) ?? []).map((d) => ({
      seat: d.seat as string,
      passedOver: placement(context, d.passedOver as Json),
      inFavourOf: placement(context, d.inFavourOf as Json),
      code: d.code as string,
    })),
    shortfalls: ((content.shortfalls as Json[] | undefined) ?? []).map((s) => ({
      seat: s.seat as string,
      gender: s.gender as string,
      missing: s.missing as number,
      resolution: s.resolution as string,
    })),
    tieBreaks: ((content.lots as Json[] | undefined) ?? []).map((lot) => {
      const order = lot.order as string[];
      const redone = redrawLots(lot.seed as string, lot.tied as string[]);
      return {
        seed: lot.seed as string,
        tied: (lot.tied as string[]).map((id) => refOf(context, id)),
        order: order.map((id) => refOf(context, id)),
        reproduced: JSON.stringify(redone) === JSON.stringify(order),
        memberIds: Object.fromEntries((lot.tied as string[]).map((id) => [refOf(context, id), id])),
      };
    }),
  };
}
