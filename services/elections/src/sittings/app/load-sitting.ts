import type { Prisma } from '../../generated/prisma/client.js';
import { lockSitting, type SittingRow } from '../data/sitting-repository.js';
import { sittingsError } from '../sittings-errors.js';

type Status = 'scheduled' | 'open' | 'closed';

/** Lock the sitting for this transaction, refusing when it is missing or not in one of `allowed`. */
export async function loadSittingFor(
  tx: Prisma.TransactionClient,
  sittingId: string,
  allowed: readonly Status[],
  action: string,
): Promise<SittingRow> {
  const sitting = await lockSitting(tx, sittingId);
  if (!sitting)
    throw sittingsError('sitting-not-found', `no sitting ${sittingId}`, { field: 'params.sittingId' });
  if (!allowed.includes(sitting.status as Status))
    throw sittingsError(
      'sitting-state',
      `cannot ${action}: the sitting is ${sitting.status} (needs ${allowed.join(' or ')})`,
      { field: 'status' },
    );
  return sitting;
}
