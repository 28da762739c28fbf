import type { ScenarioMember } from '../scenario/scenario-types.js';
import { GENERAL_ASSEMBLY } from '../scenario/scenario-types.js';
import { pdfOf, phoneOf, tcKimlikNo } from './applicant-data.js';
import type { CouncilContext } from './council-context.js';
import { eventually, inParallel, type Json } from './http-client.js';
import { EXECUTIVE_BOARD } from './service-bodies.js';
import { emailOf } from './sign-in.js';

/** The council's bodies: the General Assembly and the Executive Board (once per council) and the scenario's assemblies and groups. */
export async function createBodies(context: CouncilContext): Promise<number> {
  const { api, staffToken } = context;
  for (const [ref, kind, name] of [
    [GENERAL_ASSEMBLY, 'general-assembly', 'Genel Kurul'],
    [EXECUTIVE_BOARD, 'executive-board', 'Yürütme Kurulu'],
  ] as const) {
    const existing = (await api.json('membership', 'GET', `/v1/bodies?kind=${kind}`)) as unknown as Json[];
    const body =
      existing.find((b) => !b.archivedAt) ??
      (await api.json('membership', 'POST', '/v1/bodies', { token: staffToken, body: { kind, name } }));
    context.bodyIds.set(ref, body.id as string);
  }
  for (const body of context.scenario.bodies ?? []) {
    const created = await api.json('membership', 'POST', '/v1/bodies', {
      token: staffToken,
      body: { kind: body.kind, name: body.name },
    });
    context.bodyIds.set(body.ref, created.id as string);
  }
  return context.bodyIds.size;
}

/** A per-run shift of the made-up TC Kimlik numbers (none on the rehearsal's own suite). */
function tagOffset(tag: string): number {
  return tag ? parseInt(tag.slice(-6), 36) % 800_000_000 : 0;
}

async function uploadDocument(context: CouncilContext, text: string): Promise<string> {
  const document = await context.api.json('membership', 'POST', '/v1/application-documents', {
    raw: { contentType: 'application/pdf', data: pdfOf(text) },
    phase: 'admission',
  });
  return document.documentId as string;
}

async function apply(context: CouncilContext, member: ScenarioMember, index: number): Promise<Json> {
  const email = emailOf(context, member.ref);
  context.emails.set(member.ref, email);
  const headers = { 'idempotency-key': `rehearsal-${context.settings.seed}-${context.runTag}-${member.ref}` };
  if (member.kind === 'individual')
    return context.api.json('membership', 'POST', '/v1/applications/individual', {
      headers,
      phase: 'admission',
      body: {
        fullName: member.name,
        gender: member.gender,
        birthYear: member.birthYear ?? 1960 + (index % 45),
        district: member.district ?? context.settings.district,
        contact: { email, phone: phoneOf(index) },
        tcKimlikNo: tcKimlikNo(index, tagOffset(context.runTag)),
        bodyIds: (member.bodies ?? []).map((ref) => context.bodyIds.get(ref)!),
        consent: { kvkkTextVersion: context.settings.kvkkConsentVersion, accepted: true },
      },
    });
  const boardDecision = await uploadDocument(context, `board decision of ${member.ref}`);
  const letter = await uploadDocument(context, `appointment letter of ${member.ref}`);
  const kind = member.institutionKind ?? (member.derbis ? 'association' : 'other');
  return context.api.json('membership', 'POST', '/v1/applications/institutional', {
    headers,
    phase: 'admission',
    body: {
      organisation: {
        name: member.name,
        kind,
        ...(member.derbis ? { derbisNumber: member.derbis } : {}),
        address: `${context.settings.district}, ${context.scenario.council.name}`,
        phone: phoneOf(index),
        email: `kurum-${email}`,
        fieldOfActivity: 'Kent yaşamı / city life',
        memberCount: 50,
      },
      boardDecision: { date: context.today, number: `YK-${index + 1}`, documentId: boardDecision },
      contact: { fullName: member.representative.name, email, phone: phoneOf(index) },
      representatives: {
        full: {
          fullName: member.representative.name,
          gender: member.representative.gender,
          contact: { email, phone: phoneOf(index) },
          appointmentLetterDocumentId: letter,
        },
      },
    },
  });
}

/**
 * Every member joins as on the real day: the application (individual form, or the institution's with
 * its board decision and appointment letter), then its review (the evaluation committee decides
 * individual applications, the Executive Board institutional ones), then staff opens the member's account.
 */
export async function admitMembers(context: CouncilContext): Promise<number> {
  const members = context.scenario.members;
  await inParallel(members, context.concurrency, async (member, index) => {
    const application = await apply(context, member, index);
    const decided = await context.api.json(
      'membership',
      'POST',
      `/v1/applications/${String(application.id)}/decision`,
      {
        token: context.staffToken,
        phase: 'admission',
        body: {
          outcome: 'approved',
          decisionNumber: `${context.settings.periodStart}/${index + 1}`,
          decidedOn: context.today,
        },
      },
    );
    const id = decided.memberId as string;
    context.memberIds.set(member.ref, id);
    context.refOfMember.set(id, member.ref);
    const account = await context.api.json('membership', 'POST', '/v1/accounts', {
      token: context.staffToken,
      phase: 'admission',
      body: { kind: 'member', memberId: id, email: context.emails.get(member.ref) },
    });
    context.accountIds.set(member.ref, account.id as string);
  });
  return members.length;
}

/** Elections learns the roll from membership's events: wait until it knows every member. */
export async function awaitRoster(context: CouncilContext): Promise<number> {
  const want = context.memberIds.size;
  const summary = await eventually(
    `elections roster has ${want} members`,
    () => context.api.json('elections', 'GET', '/v1/roster/summary', { token: context.staffToken }),
    (s) => (s.total as number) >= want,
    120_000,
    300,
  );
  return summary.total as number;
}
