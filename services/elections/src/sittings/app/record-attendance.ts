import type { Prisma } from '../../generated/prisma/client.js';
import { findCurrentStay, insertCheckIn, recordCheckOut } from '../data/attendance-repository.js';
import { findOnRoll, findRosterBody } from '../data/roll-repository.js';
import { memberIdFromQr } from '../domain/parse-check-in.js';
import { sittingsError } from '../sittings-errors.js';
import { loadSittingFor } from './load-sitting.js';
import { sittingQuorum } from './sitting-quorum.js';
import { attendanceView } from './sitting-views.js';

/** Who is at the door: typed in by staff, or read from the QR code on a membership card. */
export type DoorInput = { memberId: string } | { qr: string };

function resolveMember(input: DoorInput): { memberId: string; method: 'member-id' | 'qr'; field: string } {
  if ('memberId' in input) return { memberId: input.memberId, method: 'member-id', field: 'body.memberId' };
  const memberId = memberIdFromQr(input.qr);
  if (!memberId) throw sittingsError('qr-unreadable', 'the QR payload carries no member id', { field: 'body.qr' });
  return { memberId, method: 'qr', field: 'body.qr' };
}

/**
 * Check a member in at the door (before or during the sitting). An institution is checked in as
 * itself, through its full representative, whose name is kept on the record.
 */
export async function checkIn(
  tx: Prisma.TransactionClient,
  options: { sittingId: string; input: DoorInput; actor: string; at: Date },
) {
  const sitting = await loadSittingFor(tx, options.sittingId, ['scheduled', 'open'], 'check in');
  const { memberId, method, field } = resolveMember(options.input);
  const body = await findRosterBody(tx, sitting.bodyId);
  const member = body ? await findOnRoll(tx, body, memberId, options.at) : undefined;
  if (!member)
    throw sittingsError('not-on-roll', `member ${memberId} is not an active member of this body`, { field });
  if (member.kind === 'institutional' && !member.representativeName)
    throw sittingsError('no-representative', `institution ${memberId} has no full representative`, { field });
  if (await findCurrentStay(tx, sitting.sittingId, memberId))
    throw sittingsError('already-present', `member ${memberId} is already checked in`, { field });
  const stay = await insertCheckIn(tx, {
    sittingId: sitting.sittingId,
    memberId,
    representativeName: member.kind === 'institutional' ? member.representativeName : null,
    method,
    at: options.at,
    by: options.actor,
  });
  return { attendance: attendanceView(stay), quorum: await sittingQuorum(tx, sitting) };
}

/** Check a member out when they leave; they may come back and check in again. */
export async function checkOut(
  tx: Prisma.TransactionClient,
  options: { sittingId: string; input: DoorInput; actor: string; at: Date },
) {
  const sitting = await loadSittingFor(tx, options.sittingId, ['scheduled', 'open'], 'check out');
  const { memberId, field } = resolveMember(options.input);
  const stay = await findCurrentStay(tx, sitting.sittingId, memberId);
  if (!stay) throw sittingsError('not-present', `member ${memberId} is not checked in`, { field });
  const left = await recordCheckOut(tx, stay.attendanceId, options.at, options.actor);
  return { attendance: attendanceView(left), quorum: await sittingQuorum(tx, sitting) };
}
