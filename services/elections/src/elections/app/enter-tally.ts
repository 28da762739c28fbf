import type { Gender } from '@konsey/contracts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { InvalidTallyError } from '../../domain/invalid-tally-error.js';
import {
  currentRound,
  lockElection,
  recordAudit,
  settingsOf,
  type ElectionRow,
  type Tx,
} from '../data/election-repository.js';
import { dayOf } from './calendar.js';
import { sha256OfCanonical } from './canonical-json.js';
import { assertOnCommittee, type Caller } from './caller.js';
import { decideRound, type CountOutcome } from './decide-round.js';
import { refuse, type RefusedField } from './election-refusal.js';
import type { RoundOutcome } from './round-decision.js';
import { applyTransition } from './transition-election.js';
import { ceremonyComplete } from '../../ballot-box/ceremony.js';

export interface TallyInput {
  ballotsCast: number;
  blankBallots: number;
  invalidBallots: number;
  /** Members present in the hall; default the ballots cast. */
  present?: number | undefined;
  totals: { memberId: string; votes: number }[];
}

const problem = (field: string, tr: string, en: string): RefusedField => ({
  field,
  code: 'inconsistent',
  reason: { tr, en },
});

/** Every way the totals can contradict the round or the roll, each naming its field. */
function checkTally(
  input: TallyInput,
  options: { candidateIds: string[]; registered: number; maxChoices: number },
) {
  const problems: RefusedField[] = [];
  const { ballotsCast, blankBallots, invalidBallots } = input;
  const present = input.present ?? ballotsCast;
  if (ballotsCast > options.registered)
    problems.push(
      problem(
        'body.ballotsCast',
        `Kullanılan oy (${ballotsCast}) hazirun sayısını (${options.registered}) aşıyor`,
        `${ballotsCast} ballots exceed the roll of ${options.registered}`,
      ),
    );
  if (blankBallots + invalidBallots > ballotsCast)
    problems.push(
      problem(
        'body.blankBallots',
        'Boş ve geçersiz oylar kullanılan oydan fazla',
        'Blank and invalid ballots exceed the ballots cast',
      ),
    );
  if (input.present !== undefined && (present < ballotsCast || present > options.registered))
    problems.push(
      problem(
        'body.present',
        `Hazır üye sayısı ${ballotsCast} ile ${options.registered} arasında olmalı`,
        `Members present must be between ${ballotsCast} and ${options.registered}`,
      ),
    );
  const seen = new Set<string>();
  input.totals.forEach((total, index) => {
    if (!options.candidateIds.includes(total.memberId))
      problems.push(
        problem(
          `body.totals.${index}.memberId`,
          `${total.memberId} bu turun adayı değil`,
          `${total.memberId} is not a candidate in this round`,
        ),
      );
    if (seen.has(total.memberId))
      problems.push(
        problem(`body.totals.${index}.memberId`, 'Aday iki kez yazılmış', 'The candidate appears twice'),
      );
    seen.add(total.memberId);
  });
  for (const id of options.candidateIds)
    if (!seen.has(id))
      problems.push(problem('body.totals', `${id} adayının oyu girilmemiş`, `No total for candidate ${id}`));
  const marking = ballotsCast - blankBallots - invalidBallots;
  input.totals.forEach((total, index) => {
    if (total.votes > marking)
      problems.push(
        problem(
          `body.totals.${index}.votes`,
          `${total.votes} oy, ad işaretlenmiş ${marking} pusuladan fazla`,
          `${total.votes} votes exceed the ${marking} ballots that mark a name`,
        ),
      );
  });
  const sum = input.totals.reduce((all, total) => all + total.votes, 0);
  return { problems, present, valid: ballotsCast - invalidBallots, sum, marking };
}

/**
 * The committee enters a round's per-candidate totals counted on paper (a round that used the encrypted
 * ballot box is counted by its decryption instead, see {@link countRound}). The
 * totals are checked against the round and the frozen roll, the domain decides (President rule or seat
 * allocation), and the round is stored. A final decision becomes the result, hashed with SHA-256 over its
 * canonical JSON; otherwise the round records which further round it calls for.
 */
export async function enterTally(prisma: PrismaClient, options: CountOptions) {
  return prisma.$transaction(async (tx) => {
    if (await ceremonyComplete(tx, options.electionId, options.round))
      throw refuse(
        'election-tally-from-ballot-box',
        'Bu tur şifreli sandıkla yapıldı: sonuç kurulun şifre çözmesiyle kendiliğinden girilir',
        'This round used the encrypted ballot box: its totals are entered by the committee’s decryption',
      );
    return countRound(tx, options);
  });
}

export interface CountOptions {
  electionId: string;
  round: number;
  caller: Caller;
  input: TallyInput;
  now: Date;
}

/**
 * Counts a round inside the caller's transaction: the ballot box calls it with the decrypted totals
 * when the k-th partial decryption is combined.
 */
export async function countRound(tx: Tx, options: CountOptions) {
  const election = await lockElection(tx, options.electionId);
  await assertOnCommittee(tx, election, options.caller);
  const next = applyTransition(election, { type: 'tally' });
  if (options.round !== election.round)
    throw refuse(
      'election-tally-invalid',
      `Sayılan tur ${election.round}. tur`,
      `The round being counted is round ${election.round}`,
      [problem('params.round', `${election.round} olmalı`, `must be ${election.round}`)],
    );
  const round = (await currentRound(tx, election))!;
  const settings = settingsOf(election);
  const candidateIds = round.candidateIds as string[];
  const checked = checkTally(options.input, {
    candidateIds,
    registered: election.registered ?? 0,
    maxChoices: settings.maxChoices,
  });
  if (checked.problems.length > 0)
    throw refuse('election-tally-invalid', 'Sayım tutarsız', 'The count is inconsistent', checked.problems);
  if (checked.sum > checked.marking * settings.maxChoices)
    throw refuse(
      'election-too-many-choices',
      `${checked.sum} oy, ${checked.marking} pusula × en çok ${settings.maxChoices} işaretten fazla`,
      `${checked.sum} votes exceed ${checked.marking} ballots × at most ${settings.maxChoices} marks`,
      [
        problem(
          'body.totals',
          `En çok ${checked.marking * settings.maxChoices} oy olabilir`,
          `At most ${checked.marking * settings.maxChoices} votes`,
        ),
      ],
    );

  const earlier = (
    await tx.electionRound.findMany({
      where: { electionId: election.id, round: { lt: round.round } },
      orderBy: { round: 'asc' },
    })
  ).map((held) => ({
    purpose: held.purpose,
    candidateIds: held.candidateIds as string[],
    totals: (held.totals as { memberId: string; votes: number }[] | null) ?? [],
  }));
  const genders = await votingGenders(tx, election.id, [
    ...new Set([...candidateIds, ...earlier.flatMap((held) => held.candidateIds)]),
  ]);
  let outcome: CountOutcome;
  try {
    outcome = decideRound({
      settings,
      lotSeed: election.lotSeed,
      round: {
        purpose: round.purpose,
        presidentRound: round.presidentRound,
        carriedIds: round.carriedIds as string[],
        places: round.places,
      },
      totals: options.input.totals,
      earlier,
      genders,
      turnout: { registered: election.registered ?? 0, present: checked.present, cast: checked.valid },
    });
  } catch (error) {
    if (error instanceof InvalidTallyError)
      throw refuse('election-tally-invalid', error.message, error.message);
    throw error;
  }
  const stored: RoundOutcome =
    outcome.kind === 'final'
      ? { kind: 'final', detail: outcome.detail }
      : { kind: 'next-round', next: outcome.next, detail: outcome.detail };
  await tx.electionRound.update({
    where: { electionId_round: { electionId: election.id, round: round.round } },
    data: {
      ballotsCast: options.input.ballotsCast,
      blankBallots: options.input.blankBallots,
      invalidBallots: options.input.invalidBallots,
      present: checked.present,
      totals: options.input.totals,
      decision: stored as unknown as Prisma.InputJsonValue,
      talliedBy: options.caller.subject,
      talliedAt: options.now,
    },
  });
  let result: { hash: string; content: unknown } | null = null;
  if (outcome.kind === 'final') {
    const content = JSON.parse(
      JSON.stringify(await resultContent(tx, election, outcome)),
    ) as Prisma.InputJsonObject;
    const hash = sha256OfCanonical(content);
    await tx.electionResult.create({
      data: { electionId: election.id, round: round.round, content, hash },
    });
    result = { hash, content };
  }
  await tx.election.update({ where: { id: election.id }, data: { status: next.status } });
  await recordAudit(tx, {
    electionId: election.id,
    actor: options.caller.subject,
    action: 'tally',
    from: election.status,
    to: next.status,
    round: round.round,
    reason: outcome.reason?.tr ?? (outcome.kind === 'final' ? 'sonuç belirlendi' : 'yeni tur gerekiyor'),
    details: {
      ballotsCast: options.input.ballotsCast,
      totals: options.input.totals,
      resultSha256: result?.hash ?? null,
    },
    at: options.now,
  });
  return {
    round: round.round,
    outcome: outcome.kind,
    reason: outcome.reason,
    next: outcome.kind === 'next-round' ? outcome.next : null,
    result,
  };
}

async function votingGenders(tx: Tx, electionId: string, memberIds: string[]): Promise<Map<string, Gender>> {
  const genders = new Map<string, Gender>();
  for (const member of await tx.rosterMember.findMany({ where: { memberId: { in: memberIds } } }))
    genders.set(member.memberId, member.gender);
  for (const entry of await tx.electionRollEntry.findMany({
    where: { electionId, memberId: { in: memberIds } },
  }))
    genders.set(entry.memberId, entry.votingGender);
  return genders;
}

/** The result: settings, roll size, every round's count, the lists, displacements, lots (with the seed), vacancies. */
async function resultContent(
  tx: Tx,
  election: ElectionRow,
  outcome: Extract<CountOutcome, { kind: 'final' }>,
) {
  const rounds = await tx.electionRound.findMany({
    where: { electionId: election.id },
    orderBy: { round: 'asc' },
  });
  const settings = settingsOf(election);
  return {
    electionId: election.id,
    title: election.title,
    office: election.office,
    bodyId: election.bodyId,
    periodStart: election.periodStart,
    term: election.term,
    termStart: dayOf(election.termStart),
    termEnd: dayOf(election.termEnd),
    settings,
    registered: election.registered,
    lotSeed: election.lotSeed,
    rounds: rounds.map((round) => ({
      round: round.round,
      purpose: round.purpose,
      candidateIds: round.candidateIds,
      ballotsCast: round.ballotsCast,
      blankBallots: round.blankBallots,
      invalidBallots: round.invalidBallots,
      present: round.present,
      totals: round.totals,
      reason: reasonOfStored(round.decision),
    })),
    elected: outcome.elected,
    ...(outcome.elected.length === 0
      ? {
          nobodyElected: {
            tr: 'Kimse seçilmedi; bütün yerler boş. Sonuç kesinleşebilir ama elections.result.certified olayı yayımlanmaz; yeniden seçim yeni bir seçimdir.',
            en: 'Nobody was elected; every seat is vacant. The result can be certified but no elections.result.certified event is published; a rerun is a new election.',
          },
        }
      : {}),
    vacancies: outcome.vacancies,
    shortfalls: outcome.shortfalls,
    displacements: outcome.displacements,
    lots: outcome.lots,
    reason: outcome.reason,
  };
}

function reasonOfStored(decision: unknown): unknown {
  const detail = (decision as { detail?: { reason?: unknown } } | null)?.detail;
  return detail?.reason ?? null;
}
