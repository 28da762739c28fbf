import type { BodyKind, Gender, MemberKind, Office } from '@konsey/contracts';
import type { EligibilityCandidate } from '../../domain/check-eligibility.js';
import type { HeldOffice } from '../../domain/term-limit.js';
import type { Tx } from './election-repository.js';

/** Offices the General Assembly elects: its electorate is every active member. */
const ELECTED_BY_GENERAL_ASSEMBLY: readonly Office[] = ['president', 'executive-board'];

/** The kind of body whose members elect to `office` of a body of `bodyKind`. */
export function electorateBodyKind(office: Office, bodyKind: BodyKind): BodyKind {
  return ELECTED_BY_GENERAL_ASSEMBLY.includes(office) ? 'general-assembly' : bodyKind;
}

export interface RollMember {
  memberId: string;
  kind: MemberKind;
  votingGender: Gender;
  displayName: string;
}

/**
 * Who may vote now, from the read model: active members (of the body, unless the General Assembly
 * elects), institutions only through their full representative, whose gender is the voting gender.
 */
export async function currentElectorate(
  tx: Tx,
  election: { office: string; bodyId: string; bodyKind: string },
): Promise<RollMember[]> {
  const wholeAssembly =
    electorateBodyKind(election.office as Office, election.bodyKind as BodyKind) === 'general-assembly';
  const inBody = wholeAssembly
    ? undefined
    : (
        await tx.rosterBodyMembership.findMany({
          where: { bodyId: election.bodyId, leftOn: null },
          select: { memberId: true },
        })
      ).map((row) => row.memberId);
  const members = await tx.rosterMember.findMany({
    where: { status: 'active', ...(inBody ? { memberId: { in: inBody } } : {}) },
    orderBy: { memberId: 'asc' },
  });
  return members
    .filter((member) => member.kind === 'individual' || member.representativeName !== null)
    .map((member) => ({
      memberId: member.memberId,
      kind: member.kind,
      votingGender: member.gender,
      displayName:
        member.kind === 'institutional'
          ? `${member.displayName} (${member.representativeName})`
          : member.displayName,
    }));
}

/** What `checkEligibility` needs about a member, from the read model; undefined when unknown. */
export async function eligibilityFacts(
  tx: Tx,
  memberId: string,
  bodyId: string,
): Promise<EligibilityCandidate | undefined> {
  const member = await tx.rosterMember.findUnique({ where: { memberId } });
  if (!member) return undefined;
  const membership = await tx.rosterBodyMembership.count({ where: { bodyId, memberId, leftOn: null } });
  const offices = await tx.rosterOffice.findMany({ where: { memberId } });
  return {
    memberId,
    kind: member.kind,
    status: member.status,
    gender: member.gender,
    inElectorateBody: membership > 0,
    ...(member.kind === 'institutional'
      ? { actingRepresentative: member.representativeName ? { seat: 'full' as const } : null }
      : {}),
    officeHistory: offices.map((office): HeldOffice => ({
      office: office.office as Office,
      bodyId: office.bodyId,
      seat: office.seat,
      periodStart: office.periodStart,
      term: office.term === 2 ? 2 : 1,
    })),
  };
}
