import { randomUUID } from 'node:crypto';
import type { Gender, MemberKind, Seat } from '@konsey/contracts';
import { AppError, publishEvent } from '@konsey/service-kit';
import { findBodies } from '../data/body-repository.js';
import { insertMember, recordAudit } from '../data/member-repository.js';
import { insertRepresentative } from '../data/representative-repository.js';
import { fromCalendarDate, toCalendarDate } from '../domain/calendar-date.js';
import type { MemberView } from '../http/member-schemas.js';
import type { MembershipPrisma, MembershipTx } from '../membership-prisma.js';
import { joinBodies } from './join-bodies.js';

export interface NewRepresentative {
  seat: Seat;
  displayName: string;
  gender: Gender;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface AdmitMemberInput {
  actor: string;
  kind: MemberKind;
  displayName: string;
  /** For an individual, their gender; for an institution it is taken from its full representative. */
  gender?: Gender | undefined;
  /** An institution's representatives: exactly one full, at most one substitute. */
  representatives?: readonly NewRepresentative[];
  /** Assemblies and working groups to join on admission. */
  bodyIds?: readonly string[];
  admittedAt?: Date;
}

function votingGender(input: AdmitMemberInput): Gender {
  if (input.kind === 'individual') {
    if (!input.gender)
      throw new AppError('validation-failed', {
        errors: [{ field: 'gender', code: 'required', message: 'required for an individual' }],
      });
    return input.gender;
  }
  const full = (input.representatives ?? []).filter((representative) => representative.seat === 'full');
  const substitutes = (input.representatives ?? []).filter(
    (representative) => representative.seat === 'substitute',
  );
  if (full.length !== 1 || substitutes.length > 1) {
    throw new AppError('validation-failed', {
      detail:
        'an institution names exactly one full (asil) and at most one substitute (yedek) representative',
      errors: [
        {
          field: 'representatives',
          code: 'invalid',
          message: 'one full and at most one substitute representative',
        },
      ],
    });
  }
  return full[0]!.gender;
}

/**
 * Make a person or an institution a member, inside the caller's transaction: the member, their
 * representatives, their bodies, the audit trail and the events commit together.
 */
export async function admitMemberInTransaction(
  tx: MembershipTx,
  input: AdmitMemberInput,
): Promise<MemberView> {
  const gender = votingGender(input);
  const admittedAt = input.admittedAt ?? new Date();
  const member = await insertMember(tx, {
    id: randomUUID(),
    kind: input.kind,
    displayName: input.displayName,
    gender,
    admittedAt,
  });
  const today = toCalendarDate(admittedAt);
  for (const representative of input.representatives ?? []) {
    await insertRepresentative(tx, {
      memberId: member.id,
      ...representative,
      notifiedOn: fromCalendarDate(today),
      effectiveFrom: fromCalendarDate(today),
    });
  }
  await recordAudit(tx, {
    actor: input.actor,
    action: 'member.admitted',
    subjectId: member.id,
    details: {
      kind: input.kind,
      representatives: (input.representatives ?? []).length,
      bodies: input.bodyIds ?? [],
    },
  });
  const bodies = input.bodyIds?.length ? await findBodies(tx, input.bodyIds) : [];
  await publishEvent(tx, {
    type: 'membership.member.admitted',
    data: {
      memberId: member.id,
      kind: member.kind,
      displayName: member.displayName,
      gender: member.gender,
      bodies: bodies.map((body) => ({ bodyId: body.id, kind: body.kind })),
      admittedAt: member.admittedAt,
    },
  });
  // The institution's representatives as of admission: elections seats the full one on the roll and at
  // the door of a sitting, as it does for a later change.
  for (const representative of input.representatives ?? [])
    await publishEvent(tx, {
      type: 'membership.representative.changed',
      data: {
        memberId: member.id,
        seat: representative.seat,
        displayName: representative.displayName,
        gender: representative.gender,
        effectiveFrom: today,
      },
    });
  if (input.bodyIds?.length)
    await joinBodies(tx, { actor: input.actor, memberId: member.id, bodyIds: input.bodyIds, on: admittedAt });
  return member;
}

/** Admit a member directly (e.g. importing the existing roll), in a transaction of its own. */
export async function admitMember(prisma: MembershipPrisma, input: AdmitMemberInput): Promise<MemberView> {
  return prisma.$transaction((tx) => admitMemberInTransaction(tx, input));
}
