import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import type { QuorumFallbackSetting } from '../../domain/election-settings.js';
import { findRosterBody } from '../data/roll-repository.js';
import { findSitting } from '../data/sitting-repository.js';
import { sittingsError } from '../sittings-errors.js';
import { sittingView } from './sitting-views.js';

/** Schedule a sitting of a body; a second meeting names the first meeting it follows. */
export async function createSitting(
  tx: Prisma.TransactionClient,
  options: {
    actor: string;
    bodyId: string;
    title: string;
    scheduledAt: Date;
    meeting: 'first' | 'second';
    firstSittingId?: string | undefined;
    quorumFallback: QuorumFallbackSetting;
    presentOnlyVoting: boolean;
  },
) {
  if (!(await findRosterBody(tx, options.bodyId)))
    throw sittingsError('body-not-on-roster', `body ${options.bodyId} is not known to elections`, {
      field: 'body.bodyId',
    });
  if (options.meeting === 'second') {
    const first = options.firstSittingId ? await findSitting(tx, options.firstSittingId) : null;
    if (!first || first.bodyId !== options.bodyId || first.meeting !== 'first')
      throw sittingsError(
        'first-sitting-invalid',
        `sitting ${options.firstSittingId} is not a first meeting of body ${options.bodyId}`,
        { field: 'body.firstSittingId' },
      );
  }
  const fallback = options.quorumFallback;
  const sitting = await tx.sitting.create({
    data: {
      sittingId: randomUUID(),
      bodyId: options.bodyId,
      title: options.title,
      scheduledAt: options.scheduledAt,
      meeting: options.meeting,
      firstSittingId: options.meeting === 'second' ? options.firstSittingId! : null,
      quorumFallback: fallback === 'second-meeting-without-quorum' ? fallback : 'minimum-attendance',
      minimumAttendance: fallback === 'second-meeting-without-quorum' ? null : fallback.minimumAttendance,
      presentOnlyVoting: options.presentOnlyVoting,
      createdBy: options.actor,
    },
  });
  return sittingView(sitting);
}
