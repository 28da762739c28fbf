import type { CouncilContext } from './council-context.js';
import { memberId } from './council-context.js';
import { inParallel, type Json } from './http-client.js';

/** An open sitting of a body, with who has checked in at the door. */
export interface OpenSitting {
  sittingId: string;
  bodyRef: string;
  present: Set<string>;
}

/** Staff schedules and opens the sitting of a body (the General Assembly or an assembly). */
export async function openSitting(
  context: CouncilContext,
  bodyRef: string,
  bodyId: string,
  title: string,
): Promise<OpenSitting> {
  const created = await context.api.json('elections', 'POST', '/v1/sittings', {
    token: context.staffToken,
    body: {
      bodyId,
      title,
      scheduledAt: new Date().toISOString(),
      quorumFallback: context.settings.quorumFallback,
    },
  });
  const sittingId = created.sittingId as string;
  await context.api.call('elections', 'POST', `/v1/sittings/${sittingId}/open`, {
    token: context.staffToken,
  });
  return { sittingId, bodyRef, present: new Set() };
}

/** Members arrive: staff checks each in at the door (once). */
export async function checkIn(
  context: CouncilContext,
  sitting: OpenSitting,
  refs: readonly string[],
): Promise<void> {
  const arriving = [...new Set(refs)].filter((ref) => !sitting.present.has(ref));
  await inParallel(arriving, context.concurrency, async (ref) => {
    await context.api.call('elections', 'POST', `/v1/sittings/${sitting.sittingId}/check-ins`, {
      token: context.staffToken,
      body: { memberId: memberId(context, ref) },
      phase: 'check-in',
      allow: [409],
    });
    sitting.present.add(ref);
  });
}

export function quorumOf(context: CouncilContext, sitting: OpenSitting): Promise<Json> {
  return context.api.json('elections', 'GET', `/v1/sittings/${sitting.sittingId}/quorum`, {
    token: context.staffToken,
  });
}

export async function closeSitting(context: CouncilContext, sitting: OpenSitting): Promise<void> {
  await context.api.call('elections', 'POST', `/v1/sittings/${sitting.sittingId}/close`, {
    token: context.staffToken,
  });
}
