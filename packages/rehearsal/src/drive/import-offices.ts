import type { OfficeHeld } from '../scenario/scenario-types.js';
import type { CouncilContext } from './council-context.js';
import { memberId } from './council-context.js';
import { serviceBodyId } from './service-bodies.js';

/**
 * The term slot of an office held: given in the scenario, or read from its dates (up to two and a half
 * years is the two-year first term of the period that starts that year; longer is the three-year second
 * term of the period that started two years before).
 */
export function termSlotOf(office: OfficeHeld): { periodStart: number; term: 1 | 2 } {
  const fromYear = Number(office.from.slice(0, 4));
  const years = office.to ? (Date.parse(office.to) - Date.parse(office.from)) / (365.25 * 86_400_000) : 2;
  const term = office.term ?? (years <= 2.5 ? 1 : 2);
  return { periodStart: office.periodStart ?? (term === 1 ? fromYear : fromYear - 2), term };
}

/** Staff imports the offices held before Konsey as one CSV file (all or nothing). */
export async function importOffices(context: CouncilContext): Promise<number> {
  const offices = context.scenario.officesHeld ?? [];
  if (offices.length === 0) return 0;
  const lines = ['member_id,body_id,office,seat,period_start,term,from,to'];
  for (const office of offices) {
    const slot = termSlotOf(office);
    lines.push(
      [
        memberId(context, office.member),
        serviceBodyId(context, office.office, office.body),
        office.office,
        office.seat,
        slot.periodStart,
        slot.term,
        office.from,
        office.to ?? '',
      ].join(','),
    );
  }
  const answer = await context.api.json('membership', 'POST', '/v1/offices/import', {
    token: context.staffToken,
    raw: { contentType: 'text/csv', data: `${lines.join('\n')}\n` },
  });
  return answer.imported as number;
}
