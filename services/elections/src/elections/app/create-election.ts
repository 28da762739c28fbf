import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { BodyKind, Office } from '@konsey/contracts';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { electionSettingsFor } from '../../domain/election-settings.js';
import { committeeOf, recordAudit } from '../data/election-repository.js';
import { addToDay, toDay } from './calendar.js';
import { refuse, type RefusedField } from './election-refusal.js';
import { electionView, type ElectionView } from './election-view.js';

export type ElectedOffice = Extract<
  Office,
  'president' | 'executive-board' | 'facilitator' | 'co-spokesperson'
>;

export interface CreateElectionOptions {
  actor: string;
  title: string;
  office: ElectedOffice;
  bodyId: string;
  settings: Record<string, unknown>;
  term: { periodStart: number; term: 1 | 2; start?: string | undefined };
  schedule: {
    votingDay: string;
    candidacyOpensOn: string;
    candidacyClosesOn: string;
    objectionsCloseOn?: string | undefined;
    rollFreezeOn?: string | undefined;
  };
  committee: { memberIds: string[]; threshold: number };
}

/** Which kinds of body hold each office. */
const OFFICE_BODIES: Record<ElectedOffice, readonly BodyKind[]> = {
  president: ['general-assembly'],
  'executive-board': ['executive-board'],
  facilitator: ['assembly', 'working-group'],
  'co-spokesperson': ['assembly', 'working-group'],
};

/** Defaults each office brings before the settings given are applied. */
const OFFICE_DEFAULTS: Record<ElectedOffice, Record<string, unknown>> = {
  president: { method: 'president-three-rounds', seats: 1, substituteSeats: 0 },
  'executive-board': { method: 'block' },
  facilitator: { method: 'plurality', seats: 1 },
  // One woman and one man: two seats under the zipper.
  'co-spokesperson': { method: 'block', seats: 2, parity: 'zipper' },
};

const field = (name: string, tr: string, en: string): RefusedField => ({
  field: name,
  code: 'invalid',
  reason: { tr, en },
});

/** Create an election in draft: settings through the domain's schema, schedule in order, committee k of n. */
export async function createElection(
  prisma: PrismaClient,
  options: CreateElectionOptions,
): Promise<ElectionView> {
  const body = await prisma.rosterBody.findUnique({ where: { bodyId: options.bodyId } });
  if (!body || !OFFICE_BODIES[options.office].includes(body.kind as BodyKind))
    throw refuse(
      'election-body-unknown',
      `${options.office} seçimi için ${OFFICE_BODIES[options.office].join(' ya da ')} türünde bilinen bir kurul gerekir`,
      `an election of ${options.office} needs a known body of kind ${OFFICE_BODIES[options.office].join(' or ')}`,
      [field('body.bodyId', 'Kurul türü uygun değil', 'Body kind does not fit the office')],
    );

  const parsed = electionSettingsFor(body.kind as BodyKind).safeParse({
    ...OFFICE_DEFAULTS[options.office],
    ...options.settings,
  });
  if (!parsed.success)
    throw refuse(
      'election-settings-invalid',
      'Seçim ayarları geçersiz',
      'The election settings are invalid',
      parsed.error.issues.map((issue) =>
        field(['body', 'settings', ...issue.path.map(String)].join('.'), issue.message, issue.message),
      ),
    );
  const settings = parsed.data;
  const problems: RefusedField[] = [];
  if (options.office === 'president' && settings.method !== 'president-three-rounds')
    problems.push(
      field(
        'body.settings.method',
        'Başkan üç turlu usulle seçilir',
        'The President is elected in three rounds',
      ),
    );
  if (options.office === 'co-spokesperson' && (settings.seats !== 2 || settings.parity === 'none'))
    problems.push(
      field(
        'body.settings.seats',
        'Eş sözcülük bir kadın ve bir erkek içindir (2 koltuk, cinsiyet eşitliği)',
        'Co-spokespersons are one woman and one man (2 seats with parity)',
      ),
    );
  const schedule = {
    ...options.schedule,
    rollFreezeOn: options.schedule.rollFreezeOn ?? addToDay(options.schedule.votingDay, { days: -1 }),
  };
  const objectionsCloseOn = schedule.objectionsCloseOn ?? schedule.rollFreezeOn;
  const order: [string, string][] = [
    ['candidacyOpensOn', schedule.candidacyOpensOn],
    ['candidacyClosesOn', schedule.candidacyClosesOn],
    ['objectionsCloseOn', objectionsCloseOn],
    ['rollFreezeOn', schedule.rollFreezeOn],
    ['votingDay', schedule.votingDay],
  ];
  for (let index = 1; index < order.length; index += 1) {
    const [earlierName, earlier] = order[index - 1]!;
    const [name, day] = order[index]!;
    if (day < earlier)
      problems.push(
        field(
          `body.schedule.${name}`,
          `${earlierName} tarihinden önce olamaz`,
          `must not be before ${earlierName}`,
        ),
      );
  }
  const committee = [...new Set(options.committee.memberIds)];
  if (committee.length !== options.committee.memberIds.length)
    problems.push(field('body.committee.memberIds', 'Aynı üye iki kez yazılmış', 'A member is listed twice'));
  if (options.committee.threshold > committee.length)
    problems.push(
      field(
        'body.committee.threshold',
        `Onay eşiği kurul üye sayısını (${committee.length}) aşamaz`,
        `The threshold cannot exceed the committee's ${committee.length} members`,
      ),
    );
  if (problems.length > 0)
    throw refuse(
      'election-settings-invalid',
      'Seçim ayarları geçersiz',
      'The election settings are invalid',
      problems,
    );

  const termStart = options.term.start ?? schedule.votingDay;
  const termEnd = addToDay(termStart, { years: options.term.term === 1 ? 2 : 3 });
  const lotSeed = randomBytes(32).toString('hex');
  const id = randomUUID();
  return prisma.$transaction(async (tx) => {
    const row = await tx.election.create({
      data: {
        id,
        title: options.title,
        office: options.office,
        bodyId: body.bodyId,
        bodyKind: body.kind,
        status: 'draft',
        round: 1,
        settings,
        periodStart: options.term.periodStart,
        term: options.term.term,
        termStart: toDay(termStart),
        termEnd: toDay(termEnd),
        votingDay: toDay(schedule.votingDay),
        candidacyOpensOn: toDay(schedule.candidacyOpensOn),
        candidacyClosesOn: toDay(schedule.candidacyClosesOn),
        objectionsCloseOn: toDay(objectionsCloseOn),
        rollFreezeOn: toDay(schedule.rollFreezeOn),
        committeeThreshold: options.committee.threshold,
        lotSeed,
        lotSeedHash: createHash('sha256').update(lotSeed, 'utf8').digest('hex'),
        createdBy: options.actor,
      },
    });
    await tx.electionCommitteeMember.createMany({
      data: committee.map((memberId) => ({ electionId: id, memberId })),
    });
    await recordAudit(tx, {
      electionId: id,
      actor: options.actor,
      action: 'created',
      to: 'draft',
      round: 1,
      details: {
        settings,
        committee,
        threshold: options.committee.threshold,
        lotSeedSha256: row.lotSeedHash,
      },
    });
    return electionView(row, { memberIds: await committeeOf(tx, id) });
  });
}
